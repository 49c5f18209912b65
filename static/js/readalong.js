// Read along (issue 21): the word being spoken, highlighted inside the current sentence.
//
// The transcript's words carry their times (data-seek = start, data-end = end, seconds, from
// espeak-ng's word events). While this page's episode plays, the word under the playhead
// gets the class "ra-current"; the listener picks how it shows (background, underline, off)
// and may let the page follow the spoken sentence. Visual only: nothing is announced, no
// live region, no ARIA state per word. Choosing a word seeks there through its data-seek,
// which the player already handles like any other seek target.
(function () {
  "use strict";

  const STORE = "hark.readalong";
  const STYLES = { background: "With a background", underline: "With an underline", off: "Off" };
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  const SCROLL_KEYS = new Set(["PageUp", "PageDown", "ArrowUp", "ArrowDown", "Home", "End", " "]);

  let list = null; // the transcript <ol>
  let words = []; // [{el, start, end, cue}] in order
  let current = -1;
  let followedCue = null;
  let frame = 0;
  let pointerInTranscript = 0; // time of the last pointer press on the transcript

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || "{}");
      return { style: saved.style in STYLES ? saved.style : "background", follow: saved.follow === true };
    } catch (err) {
      return { style: "background", follow: false };
    }
  }
  let settings = load();
  function save() { localStorage.setItem(STORE, JSON.stringify(settings)); }

  function audio() {
    return document.querySelector("#player-audio") || document.querySelector("[data-native-player] audio");
  }
  function absolute(url) { return url ? new URL(url, document.baseURI).href : ""; }
  function playingThisPage(a) {
    const own = document.querySelector("[data-native-player] audio");
    return !!(a && own && a.getAttribute("src") && absolute(a.getAttribute("src")) === absolute(own.getAttribute("src")));
  }

  // ---- the settings control, made here because it means nothing without this script ----
  function controls() {
    const box = document.createElement("div");
    box.className = "ra-settings";
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", "ra-heading");
    const options = Object.entries(STYLES).map(([value, label]) =>
      `<option value="${value}">${label}</option>`).join("");
    box.innerHTML =
      `<span id="ra-heading" class="ra-heading">Read along</span>` +
      `<label for="ra-style">Spoken word</label> <select id="ra-style">${options}</select>` +
      `<label class="ra-follow"><input type="checkbox" id="ra-follow"> Follow the spoken sentence</label>`;
    const style = box.querySelector("#ra-style");
    const follow = box.querySelector("#ra-follow");
    style.value = settings.style;
    follow.checked = settings.follow;
    style.addEventListener("change", () => {
      settings.style = style.value;
      save();
      list.dataset.raStyle = settings.style;
    });
    follow.addEventListener("change", () => {
      settings.follow = follow.checked;
      followedCue = null;
      save();
      update();
    });
    return box;
  }

  function stopFollowing() {
    if (!settings.follow) return;
    settings.follow = false;
    save();
    const box = document.querySelector("#ra-follow");
    if (box) box.checked = false;
  }

  // ---- finding the word under the playhead --------------------------------------------------
  function wordAt(t) {
    let lo = 0, hi = words.length - 1, found = -1;
    while (lo <= hi) { // the last word that starts at or before t
      const mid = (lo + hi) >> 1;
      if (words[mid].start <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found < 0) return -1;
    const w = words[found], next = words[found + 1];
    if (t < w.end) return found;
    // In a pause inside the sentence the word just said stays marked; between sentences, none.
    return next && next.cue === w.cue && t < next.start ? found : -1;
  }

  function update() {
    if (!list) return;
    const a = audio();
    const i = playingThisPage(a) ? wordAt(a.currentTime) : -1;
    if (i !== current) {
      if (current >= 0 && words[current]) words[current].el.classList.remove("ra-current");
      if (i >= 0) words[i].el.classList.add("ra-current");
      current = i;
    }
    if (i >= 0 && settings.follow && !a.paused && words[i].cue !== followedCue) {
      followedCue = words[i].cue;
      followedCue.scrollIntoView({ block: "center", behavior: reduceMotion.matches ? "auto" : "smooth" });
    }
  }

  function tick() {
    update();
    const a = audio();
    frame = a && !a.paused ? requestAnimationFrame(tick) : 0;
  }
  function start() { if (!frame) frame = requestAnimationFrame(tick); }

  // ---- page set-up (and again after every htmx swap) ----------------------------------------
  function enhance() {
    const found = document.querySelector("[data-transcript]");
    if (found === list) return;
    list = found;
    current = -1;
    followedCue = null;
    words = [];
    if (!list) return;
    for (const el of list.querySelectorAll(".ra-word[data-seek]")) {
      words.push({ el, start: Number(el.dataset.seek), end: Number(el.dataset.end),
                   cue: el.closest("li") || el.parentElement });
    }
    if (!words.length) return;
    list.dataset.raStyle = settings.style;
    // After the transcript: the sentences keep their place on the page (the player bar
    // covers the bottom of the window, and a transcript pushed down goes under it).
    if (!document.querySelector(".ra-settings")) {
      const box = controls();
      box.id = "ra-settings";
      list.after(box);
      // And a way to them from the top of the transcript, on the hint's line.
      const hint = list.parentElement.querySelector(".hint");
      if (hint) {
        const link = document.createElement("a");
        link.href = "#ra-settings";
        link.className = "ra-jump";
        link.textContent = "Read-along settings";
        link.addEventListener("click", (e) => {
          e.preventDefault();
          box.scrollIntoView({ block: "center", behavior: "auto" });
          box.querySelector("select").focus();
        });
        hint.append(" ", link);
      }
    }
    list.addEventListener("pointerdown", () => { pointerInTranscript = Date.now(); });
    update();
    start();
  }

  // The listener takes over: scrolling or focusing anything (but these controls, or the
  // sentence or word just pressed to listen from there) switches following off.
  window.addEventListener("wheel", stopFollowing, { passive: true, capture: true });
  window.addEventListener("touchmove", stopFollowing, { passive: true, capture: true });
  window.addEventListener("keydown", (e) => {
    const typing = e.target.closest && e.target.closest("input, select, textarea");
    if (SCROLL_KEYS.has(e.key) && !typing) stopFollowing();
  }, true);
  document.addEventListener("pointerdown", (e) => {
    if (e.target === document.documentElement) stopFollowing(); // the page's scroll bar
  }, true);
  document.addEventListener("focusin", (e) => {
    if (e.target.closest(".ra-settings")) return;
    if (list && list.contains(e.target) && Date.now() - pointerInTranscript < 1000) return;
    stopFollowing();
  });

  function watch(a) {
    if (!a || a.dataset.readalong) return;
    a.dataset.readalong = "1";
    for (const type of ["play", "playing", "seeked", "timeupdate", "ratechange"]) {
      a.addEventListener(type, () => { update(); start(); });
    }
    a.addEventListener("pause", update);
    a.addEventListener("emptied", update);
  }

  function init() {
    enhance();
    watch(document.querySelector("#player-audio"));
    watch(document.querySelector("[data-native-player] audio"));
  }
  document.body.addEventListener("htmx:afterSettle", init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
