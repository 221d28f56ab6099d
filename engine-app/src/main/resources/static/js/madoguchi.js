/*
 * Madoguchi web UI: what every page's script shares. Calls the JSON API with the session cookie and the
 * page's CSRF token; turns an API error into the Japanese sentence the API wrote (it says what to do next);
 * shows that a form is being processed; refreshes a display page (the visit board) now and then.
 */
(function () {
  'use strict';

  var text = window.madoguchiText || {};

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  /** Calls the API; resolves with the parsed body (or null), rejects with an Error whose message a person can act on. */
  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      headers[header] = token;
    }
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      if (response.status === 401) {
        throw new Error(text.signedOut);
      }
      var type = response.headers.get('Content-Type') || '';
      var parsed = type.indexOf('json') >= 0 ? response.json() : Promise.resolve(null);
      return parsed.then(function (json) {
        if (!response.ok) {
          throw new Error((json && (json.message || json.detail)) || text.failed);
        }
        return json;
      });
    }, function () {
      throw new Error(text.network);
    });
  }

  /** Shows an error in the page's alert region (role="alert", so screen readers announce it). */
  function showError(region, message) {
    if (!region) {
      return;
    }
    region.textContent = '';
    var paragraph = document.createElement('p');
    paragraph.textContent = message;
    region.appendChild(paragraph);
    region.hidden = false;
  }

  function hideError(region) {
    if (region) {
      region.hidden = true;
      region.textContent = '';
    }
  }

  /** Marks a form as being processed: its buttons disabled and saying so, the form busy. */
  function markBusy(form) {
    form.setAttribute('aria-busy', 'true');
    Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"], button:not([type])'), function (button) {
      button.dataset.label = button.textContent;
      button.textContent = text.busy;
      button.disabled = true;
    });
  }

  function unmarkBusy(form) {
    form.removeAttribute('aria-busy');
    Array.prototype.forEach.call(form.querySelectorAll('button[disabled]'), function (button) {
      if (button.dataset.label) {
        button.textContent = button.dataset.label;
      }
      button.disabled = false;
    });
  }

  // Forms marked data-busy show they are being processed, once their own scripts let them submit.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!event.defaultPrevented && form.hasAttribute('data-busy')) {
      window.setTimeout(function () { markBusy(form); }, 0);
    }
  });

  // A page that comes back from the browser's history is not busy any more.
  window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[aria-busy="true"]'), unmarkBusy);
  });

  // Display pages (the visit board) refresh themselves while nobody is typing in them.
  document.addEventListener('DOMContentLoaded', function () {
    var main = document.querySelector('main[data-refresh-seconds]');
    if (!main) {
      return;
    }
    var seconds = parseInt(main.getAttribute('data-refresh-seconds'), 10) || 30;
    window.setInterval(function () {
      var active = document.activeElement;
      if (!active || !/^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) {
        window.location.reload();
      }
    }, seconds * 1000);
  });

  window.Madoguchi = { api: api, showError: showError, hideError: hideError, markBusy: markBusy, unmarkBusy: unmarkBusy };
})();
