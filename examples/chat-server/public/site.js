// The demo website's own script: its login always fails, and each failure is logged as the event "login_failed"
// through the widget (window.beckonWidget, from widget.js).
"use strict";
document.getElementById("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  document.getElementById("login-result").textContent = "Wrong email or password.";
  // A widget that could not reach its server must not break the page.
  if (window.beckonWidget) window.beckonWidget.logEvent("login_failed").catch(() => {});
});
