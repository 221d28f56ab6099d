/*
 * The resident's one signature: a pad on a canvas that takes a finger, a pen or a mouse (pointer events),
 * sent as a PNG (Base64) with the submission of the whole visit.
 */
(function () {
  'use strict';

  var page = window.madoguchiPage || {};
  var text = page.text || {};
  var canvas = document.getElementById('signature-pad');
  var clear = document.getElementById('signature-clear');
  var submit = document.getElementById('signature-submit');
  var state = document.getElementById('signature-state');
  var errorRegion = document.getElementById('submit-error');
  var progress = document.getElementById('submit-progress');
  if (!canvas || !canvas.getContext || !window.Madoguchi) {
    return;
  }

  var context = canvas.getContext('2d');
  var drawing = false;
  var strokes = 0;
  var last = null;

  /** Sizes the canvas to its box at the screen's pixel density, white, empty. */
  function reset() {
    var ratio = window.devicePixelRatio || 1;
    var box = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(box.width * ratio));
    canvas.height = Math.max(1, Math.round(box.height * ratio));
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, box.width, box.height);
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#1a1a1a';
    strokes = 0;
    state.textContent = text.empty;
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  canvas.addEventListener('pointerdown', function (event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    last = point(event);
    context.beginPath();
    context.arc(last.x, last.y, context.lineWidth / 2, 0, Math.PI * 2);
    context.fillStyle = '#1a1a1a';
    context.fill();
  });

  canvas.addEventListener('pointermove', function (event) {
    if (!drawing) {
      return;
    }
    event.preventDefault();
    var next = point(event);
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(next.x, next.y);
    context.stroke();
    last = next;
  });

  function end(event) {
    if (!drawing) {
      return;
    }
    drawing = false;
    if (canvas.hasPointerCapture && canvas.hasPointerCapture(event.pointerId)) {
      canvas.releasePointerCapture(event.pointerId);
    }
    strokes++;
    state.textContent = text.signed;
    window.Madoguchi.hideError(errorRegion);
  }

  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  clear.addEventListener('click', reset);

  window.addEventListener('resize', function () {
    if (strokes === 0) {
      reset();
    }
  });

  submit.addEventListener('click', function () {
    if (strokes === 0) {
      window.Madoguchi.showError(errorRegion, text.required);
      return;
    }
    var png = canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    submit.disabled = true;
    clear.disabled = true;
    progress.hidden = false;
    window.Madoguchi.hideError(errorRegion);
    window.Madoguchi.api('POST', submit.dataset.api, { signaturePng: png }).then(function () {
      window.location.assign(submit.dataset.next);
    }, function (error) {
      progress.hidden = true;
      submit.disabled = false;
      clear.disabled = false;
      window.Madoguchi.showError(errorRegion, error.message);
    });
  });

  reset();
  canvas.dataset.ready = 'true';
})();
