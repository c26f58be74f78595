// The one charting library, ECharts, from its webjar (an ES module build: no global, no inline script).
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

const charts = new Map();

/** The chart in the element {@code id}, created once, and sized again whenever the window is. */
export function chart(id) {
  let instance = charts.get(id);
  const node = document.getElementById(id);
  if (!instance || instance.getDom() !== node) {
    instance = echarts.init(node, null, { renderer: 'canvas' });
    charts.set(id, instance);
  }
  return instance;
}

/** Charts drawn while their page was hidden have no size: size them when their page shows. */
export function resizeAll() {
  charts.forEach((instance) => instance.resize());
}

window.addEventListener('resize', () => resizeAll());

export const CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL', 'WEB', 'APP', 'STORE', 'MESSENGER', 'WEBCHAT', 'VOICE', 'VIDEO',
  'SOCIAL', 'MARKETPLACE', 'KIOSK'];
export const STAGES = ['REACH', 'ACQUISITION', 'CONVERSION', 'RETENTION', 'LOYALTY'];
