/* The operator desk: Listen buttons play a voice or word sample in place. Without
   JavaScript the buttons stay hidden and every form still works. */
(function () {
  "use strict";
  var audio = document.getElementById("sample-audio");
  var status = document.getElementById("sample-status");
  if (!audio) { return; }

  function sampleUrl(button) {
    if (button.dataset.listenSelect) {
      var select = document.getElementById(button.dataset.listenSelect);
      return button.dataset.sampleBase.replace("KEY", encodeURIComponent(select.value));
    }
    if (button.dataset.listenInput) {
      var field = document.getElementById(button.dataset.listenInput);
      var text = field.value.trim();
      if (!text) { return null; }
      return button.dataset.sampleBase + "?text=" + encodeURIComponent(text);
    }
    return button.dataset.sampleUrl;
  }

  function say(message) { status.textContent = ""; window.setTimeout(function () { status.textContent = message; }, 50); }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.listen");
    if (!button) { return; }
    var url = sampleUrl(button);
    if (!url) { say("Write the words to hear first."); return; }
    button.setAttribute("aria-busy", "true");
    say("Loading the sample…");
    audio.src = url;
    audio.play().then(function () {
      button.removeAttribute("aria-busy");
      say("Playing the sample.");
    }, function () {
      button.removeAttribute("aria-busy");
      say("The sample could not be played. Try again in a moment.");
    });
  });

  function showListenButtons() {
    document.querySelectorAll("button.listen[hidden]").forEach(function (b) { b.hidden = false; });
  }
  showListenButtons();
  document.body.addEventListener("htmx:afterSwap", showListenButtons);  /* the people list */

  /* After a refused form, focus goes to the error summary (its links lead to the fields),
     unless a field already took focus (autofocus). */
  var box = document.getElementById("form-errors") || document.querySelector("[data-focus-first]");
  if (box && !document.querySelector("[autofocus]")) { box.focus(); }
})();
