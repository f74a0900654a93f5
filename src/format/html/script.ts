import { createHash } from 'node:crypto';

/**
 * The page's only script: it reveals the severity filter (hidden without JavaScript, since it would do
 * nothing) and sets `data-show` on the root element, which the stylesheet uses to hide findings.
 */
export const filterScript = `(function () {
  var form = document.getElementById('severity-filter');
  var status = document.getElementById('filter-status');
  if (!form || !status) return;
  var root = document.documentElement;
  var errors = Number(form.getAttribute('data-errors'));
  var warnings = Number(form.getAttribute('data-warnings'));
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function apply(value) {
    root.setAttribute('data-show', value);
    status.textContent = value === 'error'
      ? 'Showing ' + plural(errors, 'error') + '; ' + plural(warnings, 'warning') + ' hidden'
      : value === 'warn'
        ? 'Showing ' + plural(warnings, 'warning') + '; ' + plural(errors, 'error') + ' hidden'
        : 'Showing all ' + plural(errors + warnings, 'finding');
  }
  form.addEventListener('change', function (event) {
    var input = event.target;
    if (input && input.name === 'severity') apply(input.value);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  var checked = form.querySelector('input[name="severity"]:checked');
  apply(checked ? checked.value : 'all');
})();`;

/** The CSP source that allows exactly this script and no other, including any smuggled in by a plan. */
export const filterScriptCsp = `'sha256-${createHash('sha256').update(filterScript).digest('base64')}'`;
