/*
 * The interview (手続ナビ): every answer is recorded through the Visit API as it changes, and the related
 * procedures the answer adds or removes appear and disappear at once, each with the reason per member.
 * The form still submits without this script.
 */
(function () {
  'use strict';

  var page = window.madoguchiPage || {};
  var text = page.text || {};
  var form = document.getElementById('interview');
  var list = document.getElementById('proposals');
  var status = document.getElementById('proposal-status');
  var count = document.getElementById('proposal-count');
  var errorRegion = document.getElementById('page-error');
  if (!form || !list || !window.Madoguchi) {
    return;
  }

  var inputs = Array.prototype.slice.call(form.querySelectorAll('[data-key]'));
  var timer = null;
  var sequence = 0;
  var pending = null;

  function format(template, values) {
    return String(template).replace(/\{(\d+)\}/g, function (match, index) {
      return values[index] === undefined ? match : values[index];
    });
  }

  function identity(scope, memberId, key) {
    return scope + '/' + (memberId || '') + '/' + key;
  }

  /** The answers as the API takes them: the household's by key, each member's by member id and key. */
  function answers() {
    var household = {};
    var members = {};
    inputs.forEach(function (input) {
      var value = input.type === 'checkbox' ? input.checked : input.value;
      if (input.type !== 'checkbox' && value === '') {
        return;
      }
      if (input.dataset.scope === 'HOUSEHOLD') {
        household[input.dataset.key] = value;
      } else {
        var member = input.dataset.member;
        members[member] = members[member] || {};
        members[member][input.dataset.key] = value;
      }
    });
    return { household: household, members: members };
  }

  function procedureName(procedure) {
    return (page.procedureNames && page.procedureNames[procedure.processKey]) || procedure.name;
  }

  function departmentName(procedure) {
    return (page.departmentNames && page.departmentNames[procedure.department]) || procedure.departmentName;
  }

  function memberName(memberId) {
    return (page.names && page.names[memberId]) || memberId;
  }

  /** A proposal's line, as the server renders it: name, department, one reason per member. */
  function render(procedure, isNew) {
    var item = document.createElement('li');
    item.dataset.key = procedure.processKey + '/' + procedure.scopeRef;
    if (isNew) {
      item.className = 'is-new';
    }
    var name = document.createElement('span');
    name.className = 'proposal__name';
    name.textContent = procedureName(procedure);
    var department = document.createElement('span');
    department.className = 'proposal__dept';
    department.textContent = departmentName(procedure);
    var reasons = document.createElement('ul');
    (procedure.reasons || []).forEach(function (reason) {
      var line = document.createElement('li');
      line.textContent = memberName(reason.memberId) + '：' + reason.text;
      reasons.appendChild(line);
    });
    item.appendChild(name);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(department);
    item.appendChild(reasons);
    return item;
  }

  function label(procedure) {
    var members = (procedure.memberIds || []).map(memberName).join('、');
    return procedureName(procedure) + (members ? '（' + members + '）' : '');
  }

  function showProposals(procedures) {
    var before = {};
    Array.prototype.forEach.call(list.children, function (item) {
      before[item.dataset.key] = item.querySelector('.proposal__name').textContent;
    });
    var added = [];
    var kept = {};
    list.textContent = '';
    procedures.forEach(function (procedure) {
      var key = procedure.processKey + '/' + procedure.scopeRef;
      var isNew = !Object.prototype.hasOwnProperty.call(before, key);
      if (isNew) {
        added.push(label(procedure));
      }
      kept[key] = true;
      list.appendChild(render(procedure, isNew));
    });
    var removed = Object.keys(before).filter(function (key) { return !kept[key]; }).map(function (key) {
      return before[key];
    });
    if (count) {
      count.textContent = format(text.count, [procedures.length]);
    }
    var changes = [];
    if (added.length) {
      changes.push(format(text.added, [added.join('、')]));
    }
    if (removed.length) {
      changes.push(format(text.removed, [removed.join('、')]));
    }
    status.textContent = changes.length ? changes.join(' ') : text.updated;
  }

  /** Whether the visit now asks other questions than the page shows (a new move-in date changes ages). */
  function questionsChanged(questions) {
    var shown = inputs.map(function (input) {
      return identity(input.dataset.scope, input.dataset.member, input.dataset.key);
    }).sort().join(',');
    var now = (questions || []).map(function (q) { return identity(q.scope, q.memberId, q.key); }).sort().join(',');
    return shown !== now;
  }

  function record() {
    timer = null;
    var mine = ++sequence;
    status.textContent = text.updating;
    window.Madoguchi.hideError(errorRegion);
    pending = window.Madoguchi.api('PUT', form.dataset.api, answers()).then(function (visit) {
      if (mine !== sequence) {
        return;
      }
      showProposals(visit.proposedProcedures || []);
      if (questionsChanged(visit.interview && visit.interview.questions)) {
        status.textContent = text.reload;
        window.location.reload();
      }
    }, function (error) {
      if (mine === sequence) {
        status.textContent = '';
        window.Madoguchi.showError(errorRegion, error.message);
      }
    }).then(function () {
      if (mine === sequence) {
        pending = null;
      }
    });
  }

  inputs.forEach(function (input) {
    input.addEventListener('change', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(record, 200);
    });
  });

  // Going on to the confirmation waits for the answer being recorded, so the two never collide.
  form.addEventListener('submit', function (event) {
    if (timer !== null || pending) {
      event.preventDefault();
      window.clearTimeout(timer);
      timer = null;
      var wait = pending || Promise.resolve();
      window.Madoguchi.markBusy(form);
      wait.then(function () { form.submit(); });
    }
  });

  form.dataset.ready = 'true';
})();
