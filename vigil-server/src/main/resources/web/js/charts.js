// ECharts from the webjar, as an ES module; one place to create charts that resize with the page.
import * as echarts from '/webjars/echarts/5.5.0/echarts.esm.min.js';

export { echarts };
// Exposed for the browser tests, which inspect chart options.
window.echarts = echarts;

const live = new Set();
window.addEventListener('resize', () => live.forEach((c) => c.resize()));

export function chart(el) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  live.add(c);
  const obs = new MutationObserver(() => {
    if (!el.isConnected) { live.delete(c); c.dispose(); obs.disconnect(); }
  });
  obs.observe(document.body, { childList: true, subtree: true });
  return c;
}
