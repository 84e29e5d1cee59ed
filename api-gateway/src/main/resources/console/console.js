// The console's one script: dates in the reader's locale and zone, live refresh, and keyboard shortcuts.
(function () {
  "use strict";

  function localiseDates(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var when = new Date(el.getAttribute("datetime"));
      if (!isNaN(when)) {
        el.textContent = when.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
        el.title = el.getAttribute("datetime");
      }
    });
  }

  // A region with data-refresh is reloaded every few seconds, unless the reader is working in it.
  function refresh(region) {
    var busy = region.querySelector("input:checked") || region.contains(document.activeElement)
      && document.activeElement.tagName === "INPUT";
    if (busy || document.hidden) { return; }
    fetch(region.getAttribute("data-refresh"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = new DOMParser().parseFromString(
          region.tagName === "TBODY" ? "<table>" + html + "</table>" : html, "text/html");
        var replacement = fresh.querySelector(region.tagName === "TBODY" ? "tbody" : "[data-refresh]");
        if (replacement) {
          region.innerHTML = replacement.innerHTML;
          localiseDates(region);
        }
      })
      .catch(function () { /* the next round tries again */ });
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr[data-item]")); }

  function focused() {
    var row = document.activeElement && document.activeElement.closest && document.activeElement.closest("tr[data-item]");
    return row || document.querySelector("tr[data-item].focused");
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var index = all.indexOf(focused());
    var next = all[Math.max(0, Math.min(all.length - 1, index + step))];
    all.forEach(function (r) { r.classList.remove("focused"); });
    next.classList.add("focused");
    next.focus();
  }

  function press(selector) {
    var row = focused();
    var target = row && row.querySelector(selector);
    if (target) { target.click(); }
  }

  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var actions = {
      j: function () { move(1); },
      k: function () { move(-1); },
      a: function () { press("[data-action=apply]"); },
      o: function () { press("[data-action=open]"); },
      x: function () { press("input[type=checkbox]"); },
      s: function () { var r = focused(); var reason = r && r.querySelector("[data-action=reason]"); if (reason) { reason.focus(); } },
      "/": function () { var search = document.querySelector("[data-shortcut='/']"); if (search) { search.focus(); } }
    };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });

  // A region with data-live also follows a server-sent event stream and reloads on each change; it polls only while
  // the stream is down (and slowly meanwhile, for a change missed while the reader was busy in it).
  function follow(region) {
    var stream = window.EventSource ? new EventSource(region.getAttribute("data-live")) : null;
    if (stream) {
      stream.onmessage = function (message) {
        if (message.data.indexOf("\"changed\"") >= 0) { refresh(region); }
      };
    }
    var rounds = 0;
    setInterval(function () {
      rounds += 1;
      var live = stream && stream.readyState !== EventSource.CLOSED;
      if (!live || rounds % 6 === 0) { refresh(region); }
    }, 5000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    localiseDates(document);
    document.querySelectorAll("[data-refresh]").forEach(function (region) {
      if (region.hasAttribute("data-live")) {
        follow(region);
      } else {
        setInterval(function () { refresh(region); }, region.tagName === "TBODY" ? 5000 : 2000);
      }
    });
  });
})();
