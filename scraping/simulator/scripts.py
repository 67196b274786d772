"""The style sheet and the scripts the simulated pages carry inline.

The scripts do what the real site's front end does as far as the contract
goes: fill in the work list after a loader, load the Equipment tab on
demand, expand equipment groups (fetching their rows on the first click),
open and close the blocking dialog, and drive the page-size control. When an
internal request is sent to the login page, the script follows it there, as
the real front end does when a session ends.
"""

STYLE = """
[hidden]{display:none !important}
body{font-family:system-ui,sans-serif;margin:0;color:#1f2937}
header{display:flex;justify-content:space-between;align-items:center;
  padding:.75rem 1.5rem;background:#0f3b5f;color:#fff}
header a,header button{color:#fff;background:none;border:0;font:inherit}
main{padding:1.5rem;max-width:70rem;margin:0 auto}
.loader-line{height:3px;margin:.5rem 0;background:linear-gradient(90deg,
  #0f3b5f,#7dd3fc,#0f3b5f);background-size:200% 100%;
  animation:loading 1s linear infinite}
@keyframes loading{from{background-position:0 0}to{background-position:200% 0}}
.work-list-item,.wo-card{border-bottom:1px solid #e5e7eb;padding:.75rem 0}
.muted{color:#6b7280}
.pre-wrap{white-space:pre-wrap}
.alert-danger{background:#fee2e2;color:#991b1b;padding:.75rem;border-radius:4px}
.ks-select{position:relative;display:inline-block;cursor:pointer}
.ks-select-selection{border:1px solid #d1d5db;padding:.25rem .75rem}
.ks-select-dropdown{position:absolute;list-style:none;margin:0;padding:0;
  background:#fff;border:1px solid #d1d5db;z-index:10;min-width:100%}
.ks-select-dropdown li{padding:.25rem .75rem;white-space:nowrap}
.pagination{display:flex;list-style:none;gap:.75rem;padding:0}
.tabs{display:flex;gap:1rem;border-bottom:1px solid #e5e7eb;margin:1rem 0}
.tab.active{font-weight:bold}
.tab-pane{display:none}
.tab-pane.active{display:block}
.group-heading,.asset-toggle{display:block;padding:.5rem 0}
.bold{font-weight:bold}
.bg-gray-50{background:#f9fafb}
.text-tiny{font-size:.75rem}
.modal{position:fixed;inset:0;z-index:1000;display:flex;align-items:center;
  justify-content:center;background:rgba(17,24,39,.55)}
.modal-content{background:#fff;padding:1.5rem;border-radius:6px;max-width:28rem}
"""

# Loads an internal URL and hands its HTML to ``done``; a refusal shows an
# alert in ``target`` instead, and a trip to the login page is followed.
_LOAD = """
function wfLoad(url, target, loader, done) {
  function failed(message) {
    var alert = document.createElement("div");
    alert.className = "alert alert-danger load-error";
    alert.textContent = "This could not be loaded (" + message + ").";
    target.appendChild(alert);
    loader.remove();
  }
  fetch(url, {credentials: "same-origin",
              headers: {"X-Requested-With": "XMLHttpRequest"}})
    .then(function (response) {
      if (response.redirected && new URL(response.url).pathname === "/login") {
        window.location.assign(response.url);
        return null;
      }
      if (!response.ok) {
        failed(response.status + " " + response.statusText);
        return null;
      }
      return response.text().then(done);
    })
    .catch(function (error) { failed(String(error)); });
}
"""

WORK_LIST = (
    _LOAD
    + """
(function () {
  var results = document.getElementById("work-list-results");
  var loader = document.querySelector(".loader-line");
  wfLoad(results.dataset.src + window.location.search, results, loader,
    function (html) {
      results.innerHTML = html;
      loader.remove();
    });

  var select = document.querySelector(".ks-select");
  var dropdown = select.querySelector(".ks-select-dropdown");
  select.querySelector(".ks-select-selection").addEventListener("click",
    function () { dropdown.hidden = !dropdown.hidden; });
  dropdown.querySelectorAll("li").forEach(function (item) {
    item.addEventListener("click", function () {
      var params = new URLSearchParams(window.location.search);
      params.set("per_page", item.dataset.value);
      params.set("page", "1");
      window.location.assign(window.location.pathname + "?" + params.toString());
    });
  });
})();
"""
)

LOCATION = (
    _LOAD
    + """
(function () {
  var root = document.querySelector("[data-location]");
  var base = root.dataset.location;
  var token = document.querySelector('meta[name="csrf-token"]').content;

  function openDialog() {
    var template = document.getElementById("dialog-template");
    document.body.appendChild(template.content.cloneNode(true));
    var modal = document.body.lastElementChild;
    modal.querySelector('[data-action="cancel"]').addEventListener("click",
      function () { modal.remove(); });
    modal.querySelector('[data-action="check-in"]').addEventListener("click",
      function () {
        fetch(base + "check-in", {method: "POST", credentials: "same-origin",
                                  headers: {"X-CSRF-TOKEN": token}})
          .finally(function () { modal.remove(); });
      });
  }

  function wireGroups(container) {
    container.querySelectorAll("[data-toggle]").forEach(function (heading) {
      heading.addEventListener("click", function (event) {
        event.preventDefault();
        var body = heading.parentElement.querySelector("[data-group-body]");
        body.hidden = !body.hidden;
        if (body.hidden || !body.dataset.src || body.dataset.loaded) { return; }
        body.dataset.loaded = "1";
        var loader = document.createElement("div");
        loader.className = "loader-line";
        body.appendChild(loader);
        wfLoad(body.dataset.src, body, loader, function (html) {
          body.innerHTML = html;
        });
      });
    });
  }

  function loadEquipment(pane) {
    var loader = document.createElement("div");
    loader.className = "loader-line";
    pane.appendChild(loader);
    wfLoad(base + "equipment", pane, loader, function (html) {
      pane.insertAdjacentHTML("beforeend", html);
      loader.hidden = true;
      wireGroups(pane);
      if (root.dataset.dialog === "equipment") { openDialog(); }
    });
  }

  document.querySelectorAll(".tabs .tab").forEach(function (tab) {
    tab.addEventListener("click", function (event) {
      event.preventDefault();
      var pane = document.querySelector(tab.getAttribute("href"));
      document.querySelectorAll(".tabs .tab, .tab-pane").forEach(function (el) {
        el.classList.remove("active");
      });
      tab.classList.add("active");
      pane.classList.add("active");
      if (pane.id === "equipment" && !pane.dataset.loaded) {
        pane.dataset.loaded = "1";
        loadEquipment(pane);
      }
    });
  });

  if (root.dataset.dialog === "location") { openDialog(); }
})();
"""
)
