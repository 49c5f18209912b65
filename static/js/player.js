// Hark's player: one <audio> outside #page, the part of the document that htmx swaps and
// restores from history, so boosted links, Back, Forward and restores never touch it. What it
// plays, where and how fast always come from the server (/queue.json): the first entry of the
// play queue is the one the player holds. Pages work without this script.
(function () {
  "use strict";

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const bar = $("#player");
  const audio = $("#player-audio");
  if (!bar || !audio) return;
  const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];
  const TOAST_SECONDS = 20; // the undo offer after clearing stays at least this long
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  let current = null; // the item (from /queue.json) the player holds
  let items = [];
  let lastSaved = 0;
  let lastSync = Date.now();

  // The CSRF token lives inside #page, so a sign-in that renews the session renews it too.
  const csrf = () => ($("#csrf") || {}).dataset?.token || "";
  document.body.addEventListener("htmx:configRequest", (e) => {
    e.detail.headers["X-CSRFToken"] = csrf();
  });

  // ---- announcements: one message per change ------------------------------------------
  let lastAnnounced = "";
  function announce(text) {
    const region = $("#announcer");
    lastAnnounced = text;
    region.textContent = "";
    // A fresh text node after a tick is announced even when the words repeat.
    setTimeout(() => { if (lastAnnounced === text) region.textContent = text; }, 50);
  }
  document.body.addEventListener("announce", (e) => announce(e.detail.value));

  // ---- server calls -------------------------------------------------------------------
  // One at a time, in order: a new listener's first action sets the cookie that the next
  // one must carry, or two quick presses would make two listeners with one item each.
  let posting = Promise.resolve();
  function post(url, fields = {}) {
    const body = new URLSearchParams(fields);
    body.append("csrf_token", csrf());
    // HX-Request: the queue answers with its small fragment rather than a redirect to a page.
    // A refused save is said, never hidden: the caller's next step (an "Added" message, say)
    // does not run, and the listener hears what happened and what to do.
    const send = () => fetch(url, { method: "POST", body, credentials: "same-origin",
                                    headers: { "X-CSRFToken": csrf(), "HX-Request": "true" } })
      .then((response) => {
        if (response.ok) return response;
        announce(response.status === 400
          ? "That was not saved: this page is out of date. Reload the page and try again."
          : `That was not saved: the server answered ${response.status}. Try again.`);
        throw new Error(`POST ${url}: ${response.status}`);
      });
    posting = posting.then(send, send);
    return posting;
  }
  async function fetchState() {
    const response = await fetch("/queue.json", { credentials: "same-origin", cache: "no-store" });
    return response.ok ? response.json() : { items: [], speed: 1 };
  }
  function savePosition(played) {
    if (!current || !isFinite(audio.currentTime)) return Promise.resolve();
    lastSaved = Date.now();
    const fields = { seconds: audio.currentTime.toFixed(1) };
    if (played) fields.played = "1";
    return post(`/playback/${current.article}`, fields);
  }
  // Leaving or reloading the page: the beacon outlives it.
  window.addEventListener("pagehide", () => {
    if (!current || !audio.currentTime) return;
    const body = new FormData();
    body.append("csrf_token", csrf());
    body.append("seconds", audio.currentTime.toFixed(1));
    navigator.sendBeacon(`/playback/${current.article}`, body);
  });

  // ---- words -------------------------------------------------------------------------
  function ordinal(n) {
    const s = n % 100 >= 10 && n % 100 <= 20 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th");
    return `${n}${s}`;
  }
  function fmt(t) {
    t = Math.floor(t || 0);
    const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
    return (h ? `${h}:${String(m).padStart(2, "0")}` : `${m}`) + `:${String(s).padStart(2, "0")}`;
  }
  function spoken(t) {
    t = Math.floor(t || 0);
    const m = Math.floor(t / 60), s = t % 60;
    return m ? `${m} minute${m === 1 ? "" : "s"} ${s} second${s === 1 ? "" : "s"}`
             : `${s} second${s === 1 ? "" : "s"}`;
  }

  // ---- playing -----------------------------------------------------------------------
  function setSpeed(value, tell) {
    const speed = SPEEDS.includes(value) ? value : 1;
    audio.playbackRate = speed;
    audio.defaultPlaybackRate = speed;
    $("#player-speed").value = String(speed);
    if (tell) post("/listener/speed", { speed: String(speed) }).then(() => announce(`Speed ${speed} times`));
  }

  function load(item, position, autoplay) {
    const same = current && current.article === item.article;
    const wasAt = audio.currentTime;
    current = item;
    if (audio.getAttribute("src") !== item.audio) {
      // A new file (another article, or this one narrated again): same place in it.
      audio.src = item.audio;
      const start = same ? wasAt : Number(position) || 0;
      const seek = () => { if (start > 0 && start < (audio.duration || Infinity)) audio.currentTime = start; };
      audio.addEventListener("loadedmetadata", seek, { once: true });
    } else if (!same && Number(position) > 0) {
      audio.currentTime = Number(position);
    }
    audio.playbackRate = Number($("#player-speed").value) || 1;
    const now = $("#player-now");
    now.textContent = item.title;
    now.setAttribute("href", item.url);
    if (window.htmx) window.htmx.process(now); // boosted with its new address
    $("#player-site").textContent = item.site || "";
    const art = $("#player-art");
    art.className = `art player-art hue-${item.hue}`;
    art.textContent = item.initial;
    bar.hidden = false;
    document.body.classList.add("has-player");
    if ("mediaSession" in navigator) {
      navigator.mediaSession.metadata = new MediaMetadata({
        title: item.title, artist: item.site || "Hark", album: "Hark",
        artwork: [{ src: item.art, sizes: "120x120", type: "image/svg+xml" }] });
    }
    showTime();
    if (autoplay) {
      audio.play().then(() => announce(`Now playing ${item.title}`)).catch(() => {});
    }
    markPage();
  }

  function hidePlayer() {
    current = null;
    audio.pause();
    audio.removeAttribute("src");
    audio.load();
    bar.hidden = true;
    document.body.classList.remove("has-player");
  }

  // The server's word on what plays: items[0]. A re-narrated file, a deleted article or an
  // order changed on another page all land here.
  async function sync(autoplay) {
    lastSync = Date.now();
    const data = await fetchState();
    items = data.items;
    if (Number($("#player-speed").value) !== data.speed) setSpeed(data.speed, false);
    const first = items[0];
    const playing = !audio.paused;
    if (current && !items.some((it) => it.article === current.article)) {
      const gone = current;
      const response = await fetch(gone.url, { method: "HEAD", credentials: "same-origin" });
      if (response.status === 404) {
        audio.pause();
        announce(`${gone.title} was removed from the library${first ? `. Next: ${first.title}` : ""}.`);
        showMessage(`“${gone.title}” is no longer in the library.`);
        if (!first) {
          current = null;
          audio.removeAttribute("src");
          audio.load();
          markBadges();
          return data;
        }
      }
    }
    if (first && (!current || current.article !== first.article || current.audio !== first.audio)) {
      if (current && current.article !== first.article && playing) savePosition(false);
      load(first, first.position, autoplay || (playing && current && current.article === first.article));
      if (playing && !autoplay && audio.paused) audio.play().catch(() => {});
    } else if (!first && current && !autoplay) {
      if (audio.ended || audio.paused) hidePlayer();
    }
    markBadges();
    return data;
  }

  function clearMessage() {
    const p = $("#player-message");
    if (p) p.remove();
  }
  function showMessage(text) {
    let p = $("#player-message");
    if (!p) {
      p = document.createElement("p");
      p.id = "player-message";
      p.className = "player-message";
      bar.insertBefore(p, $(".player-controls"));
    }
    p.textContent = text;
    bar.hidden = false;
    document.body.classList.add("has-player");
  }

  function toggle() {
    if (!current) return;
    if (audio.paused) audio.play().catch(() => {}); else audio.pause();
  }
  function skip(seconds) {
    if (!current) return;
    audio.currentTime = Math.max(0, Math.min((audio.duration || 0), audio.currentTime + seconds));
  }
  async function step(direction) {
    if (direction < 0 && audio.currentTime > 5) { audio.currentTime = 0; return; }
    if (items.length < 2) { announce(direction > 0 ? "End of the queue" : "Start of the queue"); return; }
    clearMessage();
    await savePosition(false);
    await post("/queue/step", { direction: direction > 0 ? "next" : "prev" });
    await sync(true);
    refreshQueueList();
  }

  function showTime() {
    const d = audio.duration, t = audio.currentTime;
    $("#player-time").textContent = fmt(t);
    $("#player-length").textContent = fmt(isFinite(d) ? d : current ? current.duration : 0);
    const seek = $("#player-seek");
    const total = isFinite(d) ? d : current ? current.duration : 0;
    seek.max = String(Math.floor(total || 0));
    seek.value = String(Math.floor(t));
    seek.setAttribute("aria-valuetext", `${spoken(t)} of ${spoken(total)}`);
    bar.style.setProperty("--progress", total ? `${(100 * t / total).toFixed(2)}%` : "0%");
  }

  function showPlaying() {
    const playing = !audio.paused;
    $('[data-when="paused"]', bar).hidden = playing;
    $('[data-when="playing"]', bar).hidden = !playing;
    $("[data-toggle-label]", bar).textContent = playing ? "Pause" : "Play";
    bar.classList.toggle("is-playing", playing);
    if ("mediaSession" in navigator) navigator.mediaSession.playbackState = playing ? "playing" : "paused";
  }
  audio.addEventListener("play", showPlaying);
  audio.addEventListener("pause", () => { showPlaying(); savePosition(false); });
  audio.addEventListener("timeupdate", () => {
    showTime();
    if (!audio.paused && Date.now() - lastSaved > 5000) savePosition(false);
    if (!audio.paused && Date.now() - lastSync > 60000) sync(false); // a new rendering, say
    markPage();
  });
  audio.addEventListener("loadedmetadata", showTime);
  audio.addEventListener("ended", async () => {
    const finished = current;
    await savePosition(true);
    const data = await sync(true);
    if (!data.items.length) {
      announce(`Finished ${finished.title}. The queue is empty.`);
      showMessage(`Finished “${finished.title}”. The queue is empty.`);
    }
    refreshQueueList();
  });
  // A file that vanished (an old rendering, removed): ask the server what to play now.
  audio.addEventListener("error", () => { if (current) sync(false); });
  $("#player-seek").addEventListener("input", (e) => { audio.currentTime = Number(e.target.value); });
  $("#player-speed").addEventListener("change", (e) => setSpeed(Number(e.target.value), true));

  // The page's end always scrolls clear of the bar, whatever its height (expanded, wrapped).
  if ("ResizeObserver" in window) {
    new ResizeObserver(() => {
      document.body.style.paddingBottom = bar.hidden ? "" : `${bar.offsetHeight + 16}px`;
    }).observe(bar);
  }
  function expand(open) {
    const b = $('[data-player="expand"]', bar);
    bar.dataset.expanded = String(open);
    b.setAttribute("aria-expanded", String(open));
    $(".visually-hidden", b).textContent = open ? "Fewer player controls" : "All player controls";
  }
  const actions = {
    toggle, back15: () => skip(-15), fwd15: () => skip(15), back30: () => skip(-30),
    fwd30: () => skip(30), next: () => step(1), prev: () => step(-1),
    expand: () => expand(bar.dataset.expanded !== "true"),
  };
  bar.addEventListener("click", (e) => {
    const b = e.target.closest("[data-player]");
    if (b) actions[b.dataset.player]();
  });
  if ("mediaSession" in navigator) {
    const ms = navigator.mediaSession;
    ms.setActionHandler("play", () => audio.play());
    ms.setActionHandler("pause", () => audio.pause());
    ms.setActionHandler("seekbackward", () => skip(-15));
    ms.setActionHandler("seekforward", () => skip(15));
    ms.setActionHandler("previoustrack", () => step(-1));
    ms.setActionHandler("nexttrack", () => step(1));
    try {
      ms.setActionHandler("seekto", (d) => { audio.currentTime = d.seekTime; });
    } catch (err) { /* an older browser without seekto */ }
  }
  function tellLockScreen() {
    if (!("mediaSession" in navigator) || !navigator.mediaSession.setPositionState) return;
    if (!isFinite(audio.duration) || !audio.duration) return;
    navigator.mediaSession.setPositionState({ duration: audio.duration,
      playbackRate: audio.playbackRate, position: Math.min(audio.currentTime, audio.duration) });
  }
  audio.addEventListener("loadedmetadata", tellLockScreen);
  audio.addEventListener("seeked", tellLockScreen);
  audio.addEventListener("ratechange", tellLockScreen);
  audio.addEventListener("play", tellLockScreen);

  // ---- what the page shows about the player ----------------------------------------------
  function pageArticle() {
    const page = $("[data-article-page]");
    return page ? Number(page.dataset.articlePage) : null;
  }
  function markBadges() {
    const label = new Map(items.map((it) => [it.article, it.label])); // playqueue.queue_label
    for (const badge of $$("[data-queue-badge]")) {
      const text = label.get(Number(badge.dataset.queueBadge)) || "";
      if (badge.textContent !== text) badge.textContent = text;
      badge.hidden = !text;
    }
  }
  function markPage() {
    const here = current && pageArticle() === current.article;
    const t = audio.currentTime;
    const list = $("[data-transcript]");
    if (list && here) {
      let active = null;
      for (const b of $$(".cue", list)) {
        const on = t >= Number(b.dataset.seek) && t < Number(b.dataset.end);
        if (on) active = b;
        if (on !== (b.getAttribute("aria-current") === "true")) {
          if (on) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
        }
      }
      if (active && !audio.paused && !list.contains(document.activeElement)) {
        active.scrollIntoView({ block: "nearest", behavior: reduceMotion.matches ? "auto" : "smooth" });
      }
    }
    const marker = $("[data-timeline-now]");
    if (marker) {
      const d = audio.duration || (current && current.duration) || 1;
      marker.hidden = !here;
      if (here) marker.style.left = `${Math.min(100, 100 * t / d)}%`;
    }
    const turns = $$("[data-turns] .turn");
    const note = $("[data-next-turn]");
    if (turns.length && note && here) {
      let now = null, next = null;
      for (const b of turns) { if (Number(b.dataset.seek) <= t) now = b; else { next = b; break; } }
      for (const b of turns) b.classList.toggle("is-now", b === now);
      const name = (b) => $(".visually-hidden", b).textContent.replace(/, from $/, "");
      const text = next ? `Now: ${now ? name(now) : "—"}. Next turn: ${name(next)} at ${fmt(Number(next.dataset.seek))}.`
                        : `Now: ${now ? name(now) : "—"}. Last turn.`;
      if (note.textContent !== text) note.textContent = text;
    }
  }
  function articleItem() {
    const form = $("form[data-queue-add][data-audio]");
    return form ? Number(form.dataset.article) : null;
  }

  // Seeking from the transcript or a speaker turn: this article, from there.
  async function playFrom(t) {
    const article = articleItem();
    if (!article) return;
    if (!current || current.article !== article) {
      await post(`/queue/add/${article}`, { where: "now" });
      await savePosition(false);
      const data = await fetchState();
      items = data.items;
      if (items[0]) load(items[0], t, true);
      markBadges();
    } else {
      audio.currentTime = t;
      if (audio.paused) audio.play().catch(() => {});
    }
    announce(`Playing from ${fmt(t)}`);
  }
  document.addEventListener("click", (e) => {
    const target = e.target.closest("[data-seek]");
    if (target) { playFrom(Number(target.dataset.seek)); return; }
    const line = e.target.closest("[data-timeline]");
    if (line) {
      // Pointer only (the line is hidden from assistive tech; the turn buttons below are the
      // keyboard's way): the time under the pointer.
      const box = line.getBoundingClientRect();
      const d = (current && pageArticle() === current.article && audio.duration) ||
                Number(line.dataset.duration) || 0;
      playFrom(Math.max(0, (e.clientX - box.left) / box.width) * d);
    }
  });

  // Speaker turns: one Tab stop, arrow keys between turns (roving tabindex, WAI-ARIA APG toolbar).
  document.addEventListener("keydown", (e) => {
    const b = e.target.closest && e.target.closest("[data-turns] .turn");
    if (!b) return;
    const all = $$(".turn", b.parentNode);
    const i = all.indexOf(b);
    const j = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1,
                Home: 0, End: all.length - 1 }[e.key];
    if (j === undefined) return;
    e.preventDefault();
    const to = all[Math.max(0, Math.min(all.length - 1, j))];
    for (const x of all) x.tabIndex = x === to ? 0 : -1;
    to.focus();
  });
  document.addEventListener("focusin", (e) => {
    const b = e.target.closest && e.target.closest("[data-turns] .turn");
    if (b) for (const x of $$(".turn", b.parentNode)) x.tabIndex = x === b ? 0 : -1;
  });

  // ---- queue forms ---------------------------------------------------------------------
  function refreshQueueList() {
    const list = $("#queue");
    if (!list || !window.htmx) return;
    const inside = list.contains(document.activeElement) ? document.activeElement : null;
    const key = inside && inside.closest("[data-entry]") &&
      { entry: inside.closest("[data-entry]").dataset.entry, action: inside.dataset.queueAction };
    window.htmx.ajax("GET", "/queue", { target: "#queue", select: "#queue", swap: "outerHTML" })
      .then(() => { if (key) focusInQueue(key.entry, key.action, 0); });
  }
  document.addEventListener("submit", async (e) => {
    const form = e.target.closest("form[data-queue-add]");
    if (!form) return;
    e.preventDefault();
    const where = form.dataset.queueAdd;
    const title = form.dataset.title;
    if (where === "now") clearMessage();
    await post(form.action, { where });
    if (where === "now" && form.dataset.audio) {
      if (current && current.article !== Number(form.dataset.article)) await savePosition(false);
      const page = $("[data-native-player] audio");
      const data = await fetchState();
      items = data.items;
      const item = items.find((it) => it.article === Number(form.dataset.article));
      if (item) {
        const resume = page && pageArticle() === item.article ? page.dataset.resume : item.position;
        load(item, resume, true);
      }
      if (bar.dataset.expanded !== "true" && window.matchMedia("(max-width: 40rem)").matches) {
        bar.classList.add("just-started"); // a moment's highlight, so a phone user sees it start
        setTimeout(() => bar.classList.remove("just-started"), 1200);
      }
      markBadges();
    } else {
      await sync(false);
      const i = items.findIndex((it) => it.article === Number(form.dataset.article));
      const at = i >= 0 ? `, ${ordinal(i + 1)} of ${items.length}` : "";
      announce(where === "next" ? `${title} will play next${at}` : `Added ${title} to the queue${at}`);
      const menu = form.closest("details");
      if (menu) { menu.open = false; $("summary", menu).focus(); }
    }
    refreshQueueList();
  });

  // Focus after a queue change (WAI-ARIA APG: never leave it on <body>): a moved item keeps
  // the same button (its other move button at an end), a removed one hands focus to the item
  // after it (or before it, at the end), clearing goes to the heading.
  function focusInQueue(entry, action, index) {
    const rows = $$("#queue li[data-entry]");
    const row = rows.find((r) => r.dataset.entry === String(entry));
    let target = null;
    if (row) {
      const same = $(`[data-queue-action="${action}"]`, row);
      const other = $(`[data-queue-action="${action === "up" ? "down" : "up"}"]`, row);
      target = [same, other, $(".queue-title", row)].find((b) => b && !b.disabled);
    } else if (rows.length) {
      target = $(".queue-title", rows[Math.min(index, rows.length - 1)]);
    }
    target = target || $("#queue-heading") || $("#main h1");
    target.focus();
  }
  let pendingFocus = null;
  document.body.addEventListener("htmx:beforeRequest", (e) => {
    const form = e.detail.elt.closest && e.detail.elt.closest("form[data-action], form[data-queue-undo]");
    if (!form || !$("#queue")) return;
    const rows = $$("#queue li[data-entry]");
    pendingFocus = { entry: form.dataset.forEntry, action: form.dataset.action || "undo",
                     index: rows.findIndex((r) => r.dataset.entry === form.dataset.forEntry) };
  });

  // Drag and drop reordering (the move buttons do the same from the keyboard). The order is
  // saved when the drag ends, wherever the pointer is released.
  let dragged = null, before = "";
  const order = () => $$("#queue li[data-entry]").map((li) => li.dataset.entry);
  document.addEventListener("dragstart", (e) => {
    dragged = e.target.closest && e.target.closest("li[data-entry]");
    if (dragged) { e.dataTransfer.effectAllowed = "move"; before = order().join(); }
  });
  document.addEventListener("dragover", (e) => {
    const over = e.target.closest && e.target.closest("li[data-entry]");
    if (!dragged) return;
    e.preventDefault();
    if (!over || over === dragged) return;
    const box = over.getBoundingClientRect();
    over.parentNode.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });
  document.addEventListener("drop", (e) => { if (dragged) e.preventDefault(); });
  document.addEventListener("dragend", async () => {
    if (!dragged) return;
    const moved = dragged.dataset.entry;
    dragged = null;
    const now = order();
    if (now.join() === before) return;
    const body = new URLSearchParams(now.map((id) => ["order", id]));
    body.append("csrf_token", csrf());
    const response = await fetch("/queue/reorder", { method: "POST", body,
      headers: { "HX-Request": "true", "X-CSRFToken": csrf() }, credentials: "same-origin" });
    if (!response.ok) { refreshQueueList(); return; }
    $("#queue").outerHTML = await response.text();
    const trigger = response.headers.get("HX-Trigger");
    if (trigger) announce(JSON.parse(trigger).announce);
    focusInQueue(moved, "up", 0);
    settleQueue();
  });

  // The undo offer after clearing: at least TOAST_SECONDS, longer while it has focus or the
  // pointer (WCAG 2.2.1: the listener is not hurried).
  function settleQueue() {
    const toast = $("#queue [data-toast]");
    if (toast && !toast.dataset.timer) {
      let left = TOAST_SECONDS;
      toast.dataset.timer = "on";
      const tick = setInterval(() => {
        if (!toast.isConnected) { clearInterval(tick); return; }
        if (toast.contains(document.activeElement) || toast.matches(":hover")) return;
        if (--left <= 0) { clearInterval(tick); toast.remove(); }
      }, 1000);
    }
    sync(false);
  }

  // ---- keyboard --------------------------------------------------------------------------
  const keys = {
    KeyP: toggle, KeyJ: () => skip(-15), KeyL: () => skip(15), KeyH: () => skip(-30),
    Semicolon: () => skip(30), KeyN: () => step(1), KeyB: () => step(-1),
    Period: () => setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(audio.playbackRate) + 1)], true),
    Comma: () => setSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(audio.playbackRate) - 1)], true),
    Slash: () => $("#help-dialog").showModal(),
  };
  document.addEventListener("keydown", (e) => {
    if (!(e.altKey && e.shiftKey) || e.ctrlKey || e.metaKey) return;
    const action = keys[e.code];
    if (action) { e.preventDefault(); action(); }
  });
  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-help]")) $("#help-dialog").showModal();
    // A card's small menu closes when the pointer goes elsewhere...
    for (const menu of $$("details.menu[open]")) if (!menu.contains(e.target)) menu.open = false;
  });
  // ...and on Escape, with focus back on its button (WAI-ARIA APG disclosure menu).
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const menu = e.target.closest && e.target.closest("details.menu[open]");
    if (menu) { menu.open = false; $("summary", menu).focus(); }
  });

  // ---- pages -------------------------------------------------------------------------------
  function enhancePage() {
    // The persistent player replaces the page's own <audio>, which stays for no-JS visitors.
    for (const native of $$("[data-native-player]")) {
      native.hidden = true;
      const a = $("audio", native);
      if (a) a.preload = "none";
    }
    for (const seg of $$("[data-timeline] .seg[data-left]")) {
      seg.style.left = `${seg.dataset.left}%`;
      seg.style.width = `${seg.dataset.width}%`;
    }
    for (const help of $$("[data-help]")) help.hidden = false;
    markBadges();
    markPage();
  }
  document.body.addEventListener("htmx:afterSettle", (e) => {
    const target = e.detail.target;
    enhancePage();
    if (target && target.id === "page" && e.detail.boosted) {
      const heading = $("#main h1");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      announce(document.title);
      sync(false);
    }
  });
  // Any other swap that replaces what has focus (a library card whose narration finished,
  // say): focus goes to the same place in the new element, never to <body>.
  let heldFocus = null;
  document.body.addEventListener("htmx:beforeSwap", (e) => {
    const target = e.detail.target, active = document.activeElement;
    heldFocus = null;
    if (!target || !target.id || target.id === "page" || target.id === "queue" ||
        !target.contains(active) || active === target) return;
    const path = [];
    for (let n = active; n !== target; n = n.parentElement) {
      path.unshift(Array.prototype.indexOf.call(n.parentElement.children, n));
    }
    heldFocus = { id: target.id, path };
  });
  // A new queue list (its form, which htmx's own events start from, went with the old one).
  document.body.addEventListener("htmx:load", (e) => {
    if (heldFocus && e.target.id === heldFocus.id) {
      let n = e.target;
      for (const i of heldFocus.path) n = n && n.children[i];
      heldFocus = null;
      if (n && typeof n.focus === "function") n.focus();
    }
    if (e.target.id !== "queue") return;
    enhancePage();
    if (pendingFocus) {
      const { entry, action, index } = pendingFocus;
      pendingFocus = null;
      if (action === "clear") ($("#queue-heading") || $("#main h1")).focus();
      else if (action === "undo") focusInQueue(null, null, 0);
      else focusInQueue(action === "remove" ? null : entry, action, index);
    }
    settleQueue();
  });
  // Back and Forward: htmx puts the page back from the server; the player was never touched.
  document.body.addEventListener("htmx:historyRestore", () => {
    enhancePage();
    const heading = $("#main h1");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    sync(false);
  });
  // Narration finished on this article's page: swap the player and transcript in, keep focus.
  document.body.addEventListener("narration-ready", async (e) => {
    if (pageArticle() !== Number(e.detail.value)) return;
    const response = await fetch(location.pathname, { credentials: "same-origin" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const sel of ["#article-body", ".article-head .queue-buttons"]) {
      const now = $(sel), next = $(sel, fresh);
      if (now && next && !now.contains(document.activeElement)) {
        now.replaceWith(next);
        if (window.htmx) window.htmx.process(next);
      }
    }
    enhancePage();
  });
  document.addEventListener("visibilitychange", () => { if (!document.hidden) sync(false); });
  enhancePage();
  sync(false);
})();
