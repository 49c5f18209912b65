"""Episodes: the finished files of a narration and what is made from them.

`files` owns where episode files live, how they are named and written (atomically), how they
are served (the store) and removed; `transcript` owns the cues (WebVTT, JSON, chapters,
speaker turns); `feed` builds the podcast RSS; `artwork` draws the podcast image.
Nothing here imports app.narration, so narration can write through these modules.
"""
