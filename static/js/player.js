// Hark's player: one <audio> that stays put while htmx swaps the page under it, the
// queue, the synced transcript and the keyboard shortcuts. Pages work without it.
(function () {
  "use strict";

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const bar = $("#player");
  const audio = $("#player-audio");
  if (!bar || !audio) return;
  const csrf = document.body.dataset.csrf;
  const STORE = "hark.player";
  const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let current = null; // {article, title, url, audio}
  let lastSaved = 0;

  // ---- announcements -------------------------------------------------------------
  function announce(text) {
    const region = $("#announcer");
    region.textContent = "";
    // A fresh text node after a tick is announced even when the words repeat.
    setTimeout(() => { region.textContent = text; }, 50);
  }
  document.body.addEventListener("announce", (e) => announce(e.detail.value));

  // ---- server calls ----------------------------------------------------------------
  // One at a time, in order: a new listener's first action sets the cookie that the next
  // one must carry, or two quick presses would make two listeners with one item each.
  let posting = Promise.resolve();
  function post(url, fields) {
    const body = new URLSearchParams(fields);
    body.append("csrf_token", csrf);
    const send = () => fetch(url, { method: "POST", body, headers: { "X-CSRFToken": csrf },
                                    credentials: "same-origin" });
    posting = posting.then(send, send);
    return posting;
  }
  async function queueItems() {
    const response = await fetch("/queue.json", { credentials: "same-origin" });
    return response.ok ? response.json() : { items: [], speed: 1 };
  }
  function savePosition(played) {
    if (!current) return;
    lastSaved = Date.now();
    const fields = { seconds: audio.currentTime.toFixed(1) };
    if (played) fields.played = "1";
    localStorage.setItem(STORE, JSON.stringify({ ...current, position: audio.currentTime }));
    return post(`/playback/${current.article}`, fields);
  }

  // ---- playing -----------------------------------------------------------------------
  function setSpeed(value, tell) {
    const speed = SPEEDS.includes(value) ? value : 1;
    audio.playbackRate = speed;
    $("#player-speed").value = String(speed);
    localStorage.setItem(STORE + ".speed", String(speed));
    if (tell) {
      post("/listener/speed", { speed: String(speed) });
      announce(`Speed ${speed} times`);
    }
  }

  function load(item, position, autoplay) {
    current = { article: Number(item.article), title: item.title, url: item.url,
                audio: item.audio };
    if (audio.getAttribute("src") !== item.audio) audio.src = item.audio;
    const start = Number(position) || 0;
    const seek = () => { if (start > 0 && start < (audio.duration || Infinity)) audio.currentTime = start; };
    if (audio.readyState >= 1) seek(); else audio.addEventListener("loadedmetadata", seek, { once: true });
    const now = $("#player-now");
    now.textContent = item.title;
    now.href = item.url;
    bar.hidden = false;
    setSpeed(Number(localStorage.getItem(STORE + ".speed")) || 1, false);
    if ("mediaSession" in navigator) {
      navigator.mediaSession.metadata = new MediaMetadata({
        title: item.title, artist: item.site || "Hark", album: "Hark" });
    }
    localStorage.setItem(STORE, JSON.stringify({ ...current, position: start }));
    if (autoplay) {
      audio.play().then(() => announce(`Now playing ${item.title}`)).catch(() => {});
    }
    markTranscript();
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
    const { items } = await queueItems();
    if (!items.length) { announce("The queue is empty"); return; }
    const i = current ? items.findIndex((it) => it.article === current.article) : -1;
    let j = i === -1 ? 0 : i + direction;
    if (j < 0) { audio.currentTime = 0; return; }
    if (j >= items.length) { announce("End of the queue"); return; }
    savePosition(false);
    load(items[j], items[j].position, true);
  }

  function fmt(t) {
    t = Math.floor(t || 0);
    const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60;
    return (h ? `${h}:${String(m).padStart(2, "0")}` : `${m}`) + `:${String(s).padStart(2, "0")}`;
  }

  audio.addEventListener("play", () => {
    const b = $('[data-player="toggle"]');
    b.textContent = "Pause";
    b.setAttribute("aria-pressed", "true");
  });
  audio.addEventListener("pause", () => {
    const b = $('[data-player="toggle"]');
    b.textContent = "Play";
    b.setAttribute("aria-pressed", "false");
    savePosition(false);
  });
  audio.addEventListener("timeupdate", () => {
    $("#player-time").textContent = `${fmt(audio.currentTime)} / ${fmt(audio.duration)}`;
    const seek = $("#player-seek");
    seek.max = String(Math.floor(audio.duration || 0));
    seek.value = String(Math.floor(audio.currentTime));
    seek.setAttribute("aria-valuetext", `${fmt(audio.currentTime)} of ${fmt(audio.duration)}`);
    if (Date.now() - lastSaved > 5000) savePosition(false);
    markTranscript();
  });
  audio.addEventListener("ended", async () => {
    const finished = current;
    await savePosition(true);
    announce(`Finished ${finished.title}`);
    const { items } = await queueItems();
    const next = items.find((it) => it.article !== finished.article);
    if (next) load(next, next.position, true);
    else announce(`Finished ${finished.title}. The queue is empty.`);
  });
  $("#player-seek").addEventListener("input", (e) => { audio.currentTime = Number(e.target.value); });
  $("#player-speed").addEventListener("change", (e) => setSpeed(Number(e.target.value), true));

  const actions = {
    toggle, back15: () => skip(-15), fwd15: () => skip(15), back30: () => skip(-30),
    fwd30: () => skip(30), next: () => step(1), prev: () => step(-1),
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
  }

  // ---- transcript and timeline ---------------------------------------------------------
  function pageArticle() {
    const page = $("[data-article-page]");
    return page ? Number(page.dataset.articlePage) : null;
  }
  function markTranscript() {
    const list = $("[data-transcript]");
    if (!list || !current || pageArticle() !== current.article) return;
    const t = audio.currentTime;
    let active = null;
    for (const b of $$(".cue", list)) {
      const on = t >= Number(b.dataset.seek) && t < Number(b.dataset.end);
      if (on) active = b;
      if (on !== (b.getAttribute("aria-current") === "true")) {
        if (on) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
      }
    }
    if (active && !audio.paused && !list.contains(document.activeElement)) {
      active.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
    }
  }
  function articleItem() {
    const form = $("form[data-queue-add][data-audio]");
    return form ? { article: form.dataset.article, title: form.dataset.title,
                    url: form.dataset.url, audio: form.dataset.audio } : null;
  }
  document.addEventListener("click", (e) => {
    const target = e.target.closest("[data-seek]");
    if (!target) return;
    const item = articleItem();
    if (!item) return;
    const t = Number(target.dataset.seek);
    if (!current || current.article !== Number(item.article)) load(item, t, true);
    else { audio.currentTime = t; if (audio.paused) audio.play().catch(() => {}); }
    announce(`Playing from ${fmt(t)}`);
  });

  // ---- queue forms ---------------------------------------------------------------------
  document.addEventListener("submit", async (e) => {
    const form = e.target.closest("form[data-queue-add]");
    if (!form) return;
    e.preventDefault();
    const where = form.dataset.queueAdd;
    await post(form.action, { where });
    const item = form.dataset.audio ? { article: form.dataset.article, title: form.dataset.title,
                                        url: form.dataset.url, audio: form.dataset.audio } : null;
    if (where === "now" && item) {
      if (current) savePosition(false);
      const page = $("[data-native-player] audio");
      const resume = page && pageArticle() === Number(item.article) ? page.dataset.resume : 0;
      load(item, resume, true);
    } else {
      announce(where === "next" ? `${form.dataset.title} will play next`
                                : `Added ${form.dataset.title} to the queue`);
    }
  });

  // Drag and drop reordering (the move buttons do the same from the keyboard).
  let dragged = null;
  document.addEventListener("dragstart", (e) => {
    dragged = e.target.closest("[data-entry]");
    if (dragged) e.dataTransfer.effectAllowed = "move";
  });
  document.addEventListener("dragover", (e) => {
    const over = e.target.closest("[data-entry]");
    if (!dragged || !over || over === dragged) return;
    e.preventDefault();
    const box = over.getBoundingClientRect();
    over.parentNode.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
  });
  document.addEventListener("drop", async (e) => {
    if (!dragged) return;
    e.preventDefault();
    const order = $$("[data-entry]").map((li) => li.dataset.entry);
    dragged = null;
    const body = new URLSearchParams(order.map((id) => ["order", id]));
    body.append("csrf_token", csrf);
    const response = await fetch("/queue/reorder", { method: "POST", body,
      headers: { "HX-Request": "true", "X-CSRFToken": csrf }, credentials: "same-origin" });
    if (!response.ok) return;
    $("#queue").outerHTML = await response.text();
    const trigger = response.headers.get("HX-Trigger");
    if (trigger) announce(JSON.parse(trigger).announce);
  });

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
  const help = $("[data-help]");
  help.hidden = false;
  help.addEventListener("click", () => $("#help-dialog").showModal());

  // ---- pages -------------------------------------------------------------------------------
  function enhancePage() {
    // The persistent player replaces the page's own <audio>, which stays for no-JS visitors.
    for (const native of $$("[data-native-player]")) native.hidden = true;
    for (const turn of $$(".turn[data-left]")) {
      turn.style.left = `${turn.dataset.left}%`;
      turn.style.width = `max(${turn.dataset.width}%, 4px)`;
    }
    markTranscript();
  }
  document.body.addEventListener("htmx:afterSettle", (e) => {
    enhancePage();
    if (e.detail.boosted && e.detail.target && e.detail.target.id === "main") {
      const heading = $("#main h1");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      announce(document.title);
    }
  });
  enhancePage();

  // Resume: what was playing before a reload or a visit from another page.
  (async () => {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (err) { saved = null; }
    const data = await queueItems();
    if (!localStorage.getItem(STORE + ".speed")) localStorage.setItem(STORE + ".speed", String(data.speed));
    const fromServer = saved && data.items.find((it) => it.article === saved.article);
    const item = saved || data.items[0];
    if (item) load(item, fromServer ? fromServer.position : (saved ? saved.position : item.position), false);
  })();
})();
