/* Chinese search: find a phrase typed without spaces (绿豆汤, 一厕一管家, 热泵).
   mkdocs.yml gives the search plugin a separator that makes every Han character its own token,
   in the index and in the query alike. Here each query's Han run of two or more characters becomes
   "+绿 +豆 +汤" before it reaches material's search worker: every character is required, so only
   pages holding all of them match, ranked by how often and how rarely they occur. Left alone,
   material's experimental segmenter would cut the run against the index, drop its last character
   and make the rest optional. Latin words, numbers and single characters pass through unchanged. */
(function () {
  "use strict";
  var RUN = /(^|[^\-\u3400-\u4dbf\u4e00-\u9fff])\+?([\u3400-\u4dbf\u4e00-\u9fff]{2,})/g;

  function rewrite(query) {
    if (!RUN.test(query)) return query;
    RUN.lastIndex = 0;
    return query
      .replace(/"/g, " ")
      .replace(RUN, function (all, before, run) {
        return before + " +" + Array.from(run).join(" +") + " ";
      })
      .replace(/\s+/g, " ")
      .trim();
  }

  /* Material posts {type: 2 (query), data: "..."} to its search worker; rewrite only those. */
  if (typeof Worker === "undefined") return;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = { type: message.type, data: rewrite(message.data) };
    }
    return post.apply(this, arguments);
  };
  window.bixueSearchQuery = rewrite;
})();
