/* jixiao: search, sorting and filtering as progressive enhancement. Every page works without this
   script; it only adds to them. No framework, no network but the edition's own search.json. */
(function () {
  'use strict';
  var me = document.currentScript;
  var root = me ? new URL('../', me.src) : new URL('./', location.href);

  function norm(s) { return String(s || '').toLowerCase().replace(/\s+/g, ''); }

  function bigrams(s) {
    var out = [];
    for (var i = 0; i + 1 < s.length; i++) out.push(s.substr(i, 2));
    return out;
  }

  /* How well text matches the query: 0 for no match. A term found whole scores highest; otherwise at least
     two thirds of its bigrams (two or more) must be found apart, so that 监察资金 finds 劳动监察专项资金.
     Every term (split at spaces) must match. */
  function score(text, query) {
    var t = norm(text), terms = String(query || '').toLowerCase().split(/\s+/).filter(Boolean), total = 0;
    if (!terms.length) return 0;
    for (var i = 0; i < terms.length; i++) {
      var q = terms[i];
      if (t.indexOf(q) >= 0) { total += 10 + (t === q ? 5 : 0); continue; }
      var grams = bigrams(q), found = grams.filter(function (g) { return t.indexOf(g) >= 0; }).length;
      if (grams.length < 2 || found < Math.max(2, Math.ceil(grams.length * 2 / 3))) return 0;
      total += 5 * found / grams.length;
    }
    return total;
  }

  var KIND_ORDER = { '项目': 0, '单位': 1, '指标': 2 };

  function search(index, query, limit) {
    var hits = [];
    index.forEach(function (e, i) {
      var s = score(e.t, query);
      if (s > 0) hits.push({ e: e, s: s, i: i });
    });
    hits.sort(function (a, b) {
      return b.s - a.s || (KIND_ORDER[a.e.k] - KIND_ORDER[b.e.k]) || a.i - b.i;
    });
    return hits.slice(0, limit || 200).map(function (h) { return h.e; });
  }

  /* search.json says each name once (SearchIndex.java); here it becomes one entry per unit, project and indicator. */
  function entries(tree) {
    var out = [];
    tree.forEach(function (year) {
      year.u.forEach(function (unit) {
        out.push({ k: '单位', t: unit.t, c: year.y, u: unit.d + 'index.html' });
        unit.p.forEach(function (p) {
          var page = unit.d + p.f + '.html';
          out.push({ k: '项目', t: p.t, c: year.y + ' · ' + unit.t, u: page });
          p.i.forEach(function (name, n) {
            out.push({ k: '指标', t: name, c: year.y + ' · ' + p.t, u: page + '#' + (p.a || p.f) + '-i' + (n + 1) });
          });
        });
      });
    });
    return out;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  function showResults(box, query, results) {
    var list = box.querySelector('.search-list'), count = box.querySelector('.search-count');
    list.textContent = '';
    results.forEach(function (r) {
      var li = el('li'), a = el('a', null, r.t);
      a.href = new URL(r.u, root).href;
      li.appendChild(el('span', 'kind', r.k));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(a);
      if (r.c) li.appendChild(el('span', 'context', r.c));
      list.appendChild(li);
    });
    count.textContent = results.length
      ? '“' + query + '”共找到 ' + results.length + ' 条结果。'
      : '没有找到与“' + query + '”相符的项目、单位或指标。';
    box.hidden = false;
  }

  function initSearchPage() {
    var form = document.querySelector('form.search-page');
    var box = document.getElementById('search-results');
    if (!form || !box) return;
    var query = new URLSearchParams(location.search).get('q') || '';
    var input = form.querySelector('input[name=q]');
    input.value = query;
    document.querySelectorAll('input[name=q]').forEach(function (i) { i.value = query; });
    if (!query.trim()) return;
    var partial = false;
    fetch(new URL('assets/search.json', root).href)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(entries)
      .catch(function () {
        /* Opened from disk, where a page may not read files: search the list of projects on the page, and say so. */
        partial = true;
        return Array.prototype.map.call(document.querySelectorAll('.project-list a'), function (a) {
          return { k: '项目', t: a.textContent, c: '', u: new URL(a.getAttribute('href'), location.href).href };
        });
      })
      .then(function (index) {
        showResults(box, query.trim(), search(index, query));
        if (partial) {
          var count = box.querySelector('.search-count');
          if (count) count.textContent += '（从本机文件打开时浏览器不允许读取搜索索引，只查了项目名称；单位和指标请在网站上搜索。）';
        }
      });
  }

  function cellValue(row, col, numeric) {
    var cell = row.cells[col];
    var text = cell ? cell.textContent.trim() : '';
    if (!numeric) return text;
    var m = text.replace(/,/g, '').match(/-?\d+(\.\d+)?/);
    return m ? parseFloat(m[0]) : -Infinity;
  }

  function sortBy(table, th, col) {
    var numeric = th.classList.contains('num');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('thead th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) { return { r: r, i: i, v: cellValue(r, col, numeric) }; });
    rows.sort(function (a, b) {
      var c = numeric ? a.v - b.v : a.v.localeCompare(b.v, 'zh-CN');
      return (ascending ? c : -c) || a.i - b.i;
    });
    rows.forEach(function (x) { body.appendChild(x.r); });
    var status = table.parentNode.parentNode.querySelector('.table-status');
    if (status) status.textContent = '已按“' + th.dataset.label + '”' + (ascending ? '升序' : '降序') + '排列。';
  }

  function initTable(table, n) {
    var head = table.tHead;
    if (!head || !table.tBodies.length) return;
    var cols = head.rows[head.rows.length - 1].cells;
    Array.prototype.forEach.call(cols, function (th, col) {
      var label = th.textContent.trim();
      th.dataset.label = label;
      var b = el('button', 'sort', label);
      b.type = 'button';
      b.setAttribute('aria-label', label + '：点击排序');
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', function () { sortBy(table, th, col); });
    });
    var wrap = table.closest('.table-wrap') || table;
    var tools = el('div', 'table-tools');
    var id = 'filter-' + (table.id || n);
    var label = el('label', null, '筛选本表');
    label.htmlFor = id;
    var input = el('input');
    input.type = 'search';
    input.id = id;
    input.setAttribute('aria-controls', table.id || '');
    var status = el('p', 'table-status');
    status.setAttribute('role', 'status');
    tools.appendChild(label);
    tools.appendChild(input);
    tools.appendChild(status);
    wrap.parentNode.insertBefore(tools, wrap);
    input.addEventListener('input', function () {
      var q = input.value.trim(), shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (r) {
        var keep = !q || score(r.textContent, q) > 0;
        r.hidden = !keep;
        if (keep) shown++;
      });
      status.textContent = q ? '显示 ' + shown + ' 行，共 ' + rows.length + ' 行。' : '';
    });
  }

  function init() {
    initSearchPage();
    document.querySelectorAll('table.sortable').forEach(initTable);
  }

  if (typeof window !== 'undefined' && typeof document !== 'undefined') {
    window.jixiaoSearch = { score: score, search: search };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})();
