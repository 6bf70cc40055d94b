// beckon's example widget: plain browser JavaScript, no framework, no build step. Load it on every page:
//
//   <script src="/assets/widget.js" data-endpoint="/beckon" defer></script>
//
// It asks the server for a decision when the page loads (a page view), shows the invitation's bubble, reports what
// the visitor did with it (shown, closed, chat started), arms the dynamic invitations' triggers (the pointer leaving
// the window, the visitor idle), and asks again exactly at the decision's recheckAt — no fixed polling interval.
// The page's own scripts log events with window.beckonWidget.logEvent(name, value?).
//
// The visitor id never appears here: the server keeps it in an httpOnly cookie the browser sends along.
(() => {
  "use strict";

  const endpoint = (document.currentScript && document.currentScript.dataset.endpoint) || "/beckon";
  /** The server starts a new session after 30 minutes without a check; so does time on site here. */
  const SESSION_GAP_MS = 30 * 60 * 1000;
  /** setTimeout's longest delay; a recheck further away is asked for then, and answered with a later recheckAt. */
  const MAX_DELAY_MS = 2 ** 31 - 1;
  /** After a failed call, try again this much later. */
  const RETRY_MS = 30 * 1000;
  const SESSION_KEY = "beckon.session";

  const session = startPage();
  let pageViewSent = false;
  let pollTimer = 0;
  let pollSequence = 0;
  let onScreen = null; // { key, sender } of the invitation in the bubble
  let reportedShown = "";
  let chatting = false;
  let exitArmed = false;
  let idleThresholds = []; // the armed idle triggers' seconds, smallest first
  let idleReported = 0; // seconds of idleness already reported since the last input
  let lastInputAt = Date.now();
  let idleTimer = 0;

  const bubble = buildBubble();
  const chatPanel = buildChatPanel();

  // --- the page's session: time on site and page views, kept per tab as the server keeps its sessions

  function startPage() {
    const now = Date.now();
    let stored = null;
    try {
      stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    } catch {
      stored = null;
    }
    const fresh = !stored || typeof stored.startedAt !== "number" || now - stored.lastSeenAt > SESSION_GAP_MS;
    const value = fresh
      ? { startedAt: now, lastSeenAt: now, pageviews: 1, referrer: externalReferrer() }
      : { ...stored, lastSeenAt: now, pageviews: stored.pageviews + 1 };
    save(value);
    return value;
  }

  function save(value) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    } catch {
      // Storage refused (private mode, quota): time on site then counts from this page.
    }
  }

  function externalReferrer() {
    try {
      return document.referrer && new URL(document.referrer).origin !== location.origin ? document.referrer : "";
    } catch {
      return "";
    }
  }

  // --- talking to the server

  async function send(path, body) {
    const response = await fetch(`${endpoint}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  /** Asks for a decision: a plain check, or one for a trigger that just fired. */
  async function poll(trigger) {
    clearTimeout(pollTimer);
    const sequence = ++pollSequence;
    const now = Date.now();
    session.lastSeenAt = now;
    save(session);
    const body = {
      url: location.href,
      pageView: !pageViewSent,
      timeOnSite: Math.max(0, now - session.startedAt) / 1000,
      pageviews: session.pageviews,
      locale: navigator.language || "",
    };
    if (session.referrer) body.referrer = session.referrer;
    if (trigger) body.trigger = trigger;
    let decision;
    try {
      decision = await send("poll", body);
    } catch {
      if (sequence === pollSequence) pollTimer = setTimeout(() => poll(), RETRY_MS);
      return;
    }
    pageViewSent = true;
    if (sequence !== pollSequence) return; // a newer check has been asked for; its answer wins
    if (trigger && decision.status === "none") {
      // The trigger won nothing: a plain check says what is armed now and when to ask again.
      poll();
      return;
    }
    show(decision);
    if (!trigger) arm(decision.armed);
    if (decision.recheckAt !== null) {
      const delay = Math.min(Math.max(decision.recheckAt - decision.at, 0), MAX_DELAY_MS);
      pollTimer = setTimeout(() => poll(), delay);
    }
  }

  // --- the bubble

  function buildBubble() {
    const element = document.createElement("div");
    element.className = "beckon-bubble";
    element.setAttribute("role", "dialog");
    element.setAttribute("aria-live", "polite");
    element.hidden = true;
    element.innerHTML =
      '<button type="button" class="beckon-close" aria-label="Close">×</button>' +
      '<p class="beckon-sender"></p><div class="beckon-message"></div>' +
      '<button type="button" class="beckon-start">Start chat</button>';
    element.querySelector(".beckon-close").addEventListener("click", close);
    element.querySelector(".beckon-start").addEventListener("click", startChat);
    document.body.append(element);
    return element;
  }

  function buildChatPanel() {
    const element = document.createElement("div");
    element.className = "beckon-chat-panel";
    element.setAttribute("role", "status");
    element.hidden = true;
    element.innerHTML = "<p></p>";
    document.body.append(element);
    return element;
  }

  /** Shows the decision's invitation, or takes the bubble down when nothing is offered any more. */
  function show(decision) {
    if (chatting) return;
    if (decision.status === "none") {
      bubble.hidden = true;
      onScreen = null;
      return;
    }
    const key = `${decision.invitationId}/${decision.variationId}`;
    // The message is HTML from the invitation's configuration; beckon has escaped every value it substituted.
    bubble.querySelector(".beckon-message").innerHTML = decision.message;
    bubble.querySelector(".beckon-sender").textContent = decision.sender || "";
    bubble.dataset.invitation = decision.invitationId;
    bubble.hidden = false;
    onScreen = { key, sender: decision.sender || "us" };
    if (reportedShown !== key) {
      reportedShown = key;
      send("shown").catch(() => {});
    }
  }

  async function close() {
    bubble.hidden = true;
    onScreen = null;
    reportedShown = "";
    await send("closed").catch(() => {});
    poll();
  }

  async function startChat() {
    const sender = onScreen ? onScreen.sender : "us";
    bubble.hidden = true;
    onScreen = null;
    chatting = true;
    chatPanel.querySelector("p").textContent = `You are chatting with ${sender}. (This demo has no chat behind it.)`;
    chatPanel.hidden = false;
    await send("chat-started").catch(() => {});
    poll();
  }

  // --- dynamic invitations: exit intent and idle

  function arm(armed) {
    exitArmed = armed.some((entry) => entry.trigger.type === "exitIntent");
    idleThresholds = armed
      .filter((entry) => entry.trigger.type === "idle")
      .map((entry) => entry.trigger.seconds)
      .sort((a, b) => a - b);
    scheduleIdle();
  }

  function quiet() {
    return !chatting && onScreen === null;
  }

  // The pointer leaving the window: a mouseout with nothing to go to.
  document.addEventListener("mouseout", (event) => {
    if (event.relatedTarget !== null || !exitArmed || !quiet()) return;
    exitArmed = false;
    poll({ type: "exitIntent" });
  });

  /** Waits for the smallest armed idle time not reported yet, counted from the last input. */
  function scheduleIdle() {
    clearTimeout(idleTimer);
    idleTimer = 0;
    const next = idleThresholds.find((seconds) => seconds > idleReported);
    if (next === undefined) return;
    idleTimer = setTimeout(fireIdle, Math.max(0, lastInputAt + next * 1000 - Date.now()));
  }

  function fireIdle() {
    idleTimer = 0;
    // Whole milliseconds, rounded down: the server compares them with the configured seconds.
    const idleSeconds = Math.floor(Date.now() - lastInputAt) / 1000;
    const next = idleThresholds.find((seconds) => seconds > idleReported);
    if (next === undefined) return;
    if (idleSeconds < next || !quiet()) {
      // Input came in meanwhile, or an invitation is on screen: wait again from the last input.
      idleTimer = setTimeout(fireIdle, Math.max(1000, lastInputAt + next * 1000 - Date.now()));
      return;
    }
    idleReported = idleSeconds;
    poll({ type: "idle", seconds: idleSeconds });
  }

  for (const type of ["pointermove", "pointerdown", "keydown", "scroll", "touchstart"]) {
    addEventListener(
      type,
      () => {
        lastInputAt = Date.now();
        idleReported = 0;
        // A timer already waiting checks the new time itself; after a report, start waiting again.
        if (idleTimer === 0) scheduleIdle();
      },
      { passive: true, capture: true },
    );
  }

  // --- the page's own events

  window.beckonWidget = {
    /** Logs an event the site saw (a failed login, a download…), then asks again: events are new input. */
    async logEvent(name, value) {
      const outcome = await send("event", value === undefined ? { name } : { name, value });
      poll();
      return outcome.outcome;
    },
  };

  poll();
})();
