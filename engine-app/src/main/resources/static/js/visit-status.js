/*
 * The visit's status page: while the move-in is recorded and the procedures start (a background job), it
 * shows how far it got and reloads when the procedures are there; the counter accepts every application
 * one by one with a progress bar.
 */
(function () {
  'use strict';

  var page = window.madoguchiPage || {};
  var text = page.text || {};
  var errorRegion = document.getElementById('page-error');
  if (!window.Madoguchi) {
    return;
  }

  function format(template, values) {
    return String(template).replace(/\{(\d+)\}/g, function (match, index) {
      return values[index] === undefined ? match : values[index];
    });
  }

  var STEPS = { SUBMITTED: 1, REGISTERED: 2 };
  var registration = document.getElementById('registration-progress');
  if (registration) {
    var bar = document.getElementById('registration-bar');
    var label = document.getElementById('registration-text');
    var polls = 0;
    var poll = function () {
      polls++;
      window.Madoguchi.api('GET', registration.dataset.poll).then(function (progress) {
        if (progress.incident) {
          window.Madoguchi.showError(errorRegion, text.incident);
          window.location.reload();
          return;
        }
        if (STEPS[progress.status]) {
          bar.value = STEPS[progress.status];
          window.setTimeout(poll, polls < 30 ? 500 : 2000);
          return;
        }
        bar.value = 3;
        label.textContent = text.registered;
        window.location.reload();
      }, function (error) {
        window.Madoguchi.showError(errorRegion, error.message);
      });
    };
    window.setTimeout(poll, 500);
  }

  var acceptForm = document.getElementById('accept-all');
  if (acceptForm) {
    acceptForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var ids = acceptForm.dataset.taskIds.split(',').filter(Boolean);
      var progress = document.getElementById('accept-progress');
      var acceptBar = document.getElementById('accept-bar');
      var acceptText = document.getElementById('accept-text');
      progress.hidden = false;
      window.Madoguchi.markBusy(acceptForm);
      window.Madoguchi.hideError(errorRegion);
      var done = 0;
      var next = function () {
        if (done === ids.length) {
          window.location.assign(window.location.pathname + '?accepted=' + done);
          return;
        }
        window.Madoguchi.api('POST', acceptForm.dataset.api + ids[done] + '/complete', {}).then(function () {
          done++;
          acceptBar.value = done;
          acceptText.textContent = format(text.accepting, [done, ids.length]);
          next();
        }, function (error) {
          window.Madoguchi.unmarkBusy(acceptForm);
          window.Madoguchi.showError(errorRegion, error.message);
        });
      };
      next();
    });
  }
})();
