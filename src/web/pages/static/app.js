// isms web UI: progressive enhancement only; every page works without it.
'use strict';
// The browser's time zone, for users who have not chosen one: the server
// shows times in it from the next page on (Japanese pages: Asia/Tokyo).
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0)
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; Path=/; Max-Age=31536000; SameSite=Lax';
  } catch (e) { /* no Intl: UTC it is */ }
})();
document.addEventListener('DOMContentLoaded', function () {
  // "Select all" in the SoA bulk form: shown only when scripts run.
  document.querySelectorAll('input.select-all').forEach(function (all) {
    var form = all.closest('form');
    var boxes = form ? form.querySelectorAll('input[type=checkbox][name=control]') : [];
    all.hidden = false;
    all.addEventListener('change', function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  });
  // Close the organization switcher when clicking elsewhere.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.switcher[open]').forEach(function (d) {
      if (!d.contains(event.target)) d.open = false;
    });
  });
});
