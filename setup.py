"""Packaging's one step pyproject.toml cannot say: the chart library goes into the wheel.

scripts/setup.sh fetches plotly.js's basic bundle into vendor/, outside the package; a wheel built
from a checkout that has it carries a copy inside the package (`bixue/vendor/`), where
`bixue.outputs.plotly_asset` looks first. Without it the wheel is built all the same and the
board ships the plotly package's full bundle. An editable install reads vendor/ in place.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

VENDOR = Path(__file__).resolve().parent / "vendor"
BUNDLE = "plotly.js-basic-dist-min"
FILES = ("plotly-basic.min.js", "LICENSE")


class BuildWithChartLibrary(build_py):
    def run(self):
        super().run()
        if self.editable_mode or not (VENDOR / BUNDLE / FILES[0]).is_file():
            return
        target = Path(self.build_lib) / "bixue" / "vendor" / BUNDLE
        target.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(VENDOR / BUNDLE / name, target / name)


setup(cmdclass={"build_py": BuildWithChartLibrary})
