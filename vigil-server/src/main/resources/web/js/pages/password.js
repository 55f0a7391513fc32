// The user's own password: change it (required for the published demo password).
import { card, h } from '../dom.js';
import { t } from '../i18n.js';
import { passwordForm } from '../password.js';

export async function render(view, { me }) {
  view.replaceChildren(h('h1', {}, t('pw.title')),
    card(t('pw.title'), me.passwordChangeRequired ? h('p', { id: 'pw-required' }, t('pw.requiredDemo')) : null,
      passwordForm({ onDone: () => { me.passwordChangeRequired = false; document.getElementById('pw-banner')?.remove(); } })));
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}
