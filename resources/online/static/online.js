// 网上办: show the fields and uploads the answers call for. The server decides (the catalog's own
// conditions); this only asks it and hides or shows. Without script, a button reloads the form instead.
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form) { return; }
  var latest = 0;  // answers can change faster than the server replies: only the newest reply counts
  function update() {
    var asked = ++latest;
    var data = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach(function (input) { data.delete(input.name); });
    fetch(form.dataset.shownUrl, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (shown) {
        if (!shown || asked !== latest) { return; }
        form.querySelectorAll("[data-key]").forEach(function (el) {
          el.hidden = shown.fields.indexOf(el.dataset.key) < 0;
        });
        form.querySelectorAll("[data-material]").forEach(function (el) {
          el.hidden = shown.materials.indexOf(el.dataset.material) < 0;
        });
        form.dataset.updated = String(Number(form.dataset.updated || "0") + 1);
      });
  }
  form.addEventListener("change", function (event) {
    if (event.target.type !== "file") { update(); }
  });
})();
