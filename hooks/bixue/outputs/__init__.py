"""Files beside the pages: downloads, feeds, data.json, QR codes, published images, plotly.js."""
