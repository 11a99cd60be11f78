import * as echarts from 'echarts';

/**
 * <sorot-chart>: an Apache ECharts chart whose option (ECharts JSON) is set from the server.
 * Renders with SVG so exports stay sharp; resizes with its box; offers PNG/SVG data URLs.
 */
/**
 * JSON cannot carry functions, so the server asks for Indonesian number formatting with
 * option.sorot = {decimals: n}; labels and tooltips then read 85,02 rather than 85.02.
 */
function decorate(option) {
  const spec = option && option.sorot;
  if (!spec) return option;
  const fmt = new Intl.NumberFormat('id-ID', { minimumFractionDigits: spec.decimals, maximumFractionDigits: spec.decimals });
  const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
  const show = (v) => {
    const n = Array.isArray(v) ? v[v.length - 1] : (v && typeof v === 'object' ? v.value : v);
    return n == null || n === '' || Number.isNaN(Number(n)) ? '' : fmt.format(Number(n)) + (spec.suffix || '');
  };
  option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: show });
  // a data item may carry its own tooltip text, already formatted on the server (scatter points)
  if (spec.tips) {
    option.tooltip.formatter = (p) => (p.data && p.data.tip) || (p.name + ': ' + show(p.value));
  }
  for (const s of [].concat(option.series || [])) {
    if (s.label && s.label.show && !s.label.formatter) s.label.formatter = (p) => show(p.value);
  }
  for (const axis of [].concat(option.xAxis || [], option.yAxis || [])) {
    if (axis.type === 'value') {
      axis.axisLabel = Object.assign({}, axis.axisLabel);
      if (!axis.axisLabel.formatter) axis.axisLabel.formatter = (v) => whole.format(v) + (axis.suffix || '');
    }
  }
  return option;
}

const FONT = '"Liberation Sans", Arial, Helvetica, sans-serif';

function escapeXml(s) {
  return String(s == null ? '' : s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);
}

/** Room above the chart for title and subtitle, below it for source and time of export. */
function frame(meta) {
  return { head: meta.subtitle ? 64 : 42, foot: 30 };
}

/** The chart PNG framed by its context, drawn on a canvas at the same pixel ratio. */
function composePng(png, w, h, meta, ratio) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const { head, foot } = frame(meta);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round((h + head + foot) * ratio);
      const g = canvas.getContext('2d');
      g.scale(ratio, ratio);
      g.fillStyle = '#fff';
      g.fillRect(0, 0, w, h + head + foot);
      g.fillStyle = '#1f2937';
      g.font = 'bold 18px ' + FONT;
      g.fillText(meta.title || '', 16, 28, w - 32);
      if (meta.subtitle) {
        g.fillStyle = '#5b6470';
        g.font = '13px ' + FONT;
        g.fillText(meta.subtitle, 16, 50, w - 32);
      }
      g.drawImage(img, 0, head, w, h);
      g.fillStyle = '#5b6470';
      g.font = '11px ' + FONT;
      g.fillText(meta.source || '', 16, head + h + 19, w * 0.62);
      g.textAlign = 'right';
      g.fillText(meta.stamp || '', w - 16, head + h + 19, w * 0.34);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => reject(new Error('chart image could not be drawn'));
    img.src = png;
  });
}

/** The chart SVG nested in an SVG that carries the same context as text (searchable, sharp). */
function composeSvg(svg, w, h, meta) {
  const { head, foot } = frame(meta);
  const height = h + head + foot;
  const inner = svg.replace(/^<\?xml[^>]*>/, '').replace('<svg', `<svg x="0" y="${head}"`);
  const sub = meta.subtitle ? `<text x="16" y="50" font-size="13" fill="#5b6470">${escapeXml(meta.subtitle)}</text>` : '';
  return '<?xml version="1.0" encoding="UTF-8"?>'
    + `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" font-family='${FONT}'>`
    + `<rect width="${w}" height="${height}" fill="#fff"/>`
    + `<text x="16" y="28" font-size="18" font-weight="bold" fill="#1f2937">${escapeXml(meta.title)}</text>${sub}`
    + inner
    + `<text x="16" y="${head + h + 19}" font-size="11" fill="#5b6470">${escapeXml(meta.source)}</text>`
    + `<text x="${w - 16}" y="${head + h + 19}" font-size="11" fill="#5b6470" text-anchor="end">${escapeXml(meta.stamp)}</text>`
    + '</svg>';
}

/**
 * A tree (option.sorot.tree = {row, leaf, margin, min, focus}) is as tall as the levels it shows
 * and as wide as its leaves need, also after a click opens or folds a node; on first drawing the
 * box it sits in scrolls sideways to the node in focus (else the top node), so a wide tree does not
 * open on an empty stretch.
 */
function fitTree(el) {
  const spec = el._option && el._option.sorot && el._option.sorot.tree;
  if (!spec || !el.chart) return;
  const series = el.chart.getModel() && el.chart.getModel().getSeriesByIndex(0);
  if (!series) return;
  const tree = series.getData().tree;
  let depth = 0;
  let leaves = 0;
  tree.eachNode((n) => {
    if (n.depth === 0) return;
    for (let p = n.parentNode; p; p = p.parentNode) if (!p.isExpand) return;
    depth = Math.max(depth, n.depth);
    if (!n.isExpand || n.children.length === 0) leaves++;
  });
  const holder = el.parentElement;
  const width = Math.max(spec.min, holder ? holder.clientWidth : 0, leaves * spec.leaf + spec.margin);
  el.style.width = width + 'px';
  el.style.height = Math.max(360, 40 + depth * spec.row) + 'px';
  el.chart.resize();
}

/**
 * For an export, the whole tree: every node open, and the size it needs to keep its boxes apart
 * (not just what is open on screen).
 */
function wholeTree(option) {
  const spec = option.sorot.tree;
  let leaves = 0;
  let depth = 0;
  const open = (node, d) => {
    node.collapsed = false;
    if (d > 0) depth = Math.max(depth, d);
    const children = node.children || [];
    if (children.length === 0) leaves++;
    children.forEach((c) => open(c, d + 1));
  };
  // a single tujuan is the first level; several hang under an unlabelled point (level 0)
  const roots = option.series[0].data;
  roots.forEach((r) => open(r, r.name === '' ? 0 : 1));
  option.series[0].roam = false;
  option.series[0].initialTreeDepth = -1;
  return { w: Math.max(spec.min, leaves * spec.leaf + spec.margin), h: Math.max(360, 40 + depth * spec.row) };
}

/** Chromium draws no canvas wider or taller than 16384 px: a wide tree's PNG gets fewer pixels per point. */
const CANVAS_MAX = 16000;

function scrollToFocus(el) {
  const spec = el._option.sorot.tree;
  const holder = el.parentElement;
  const data = el.chart.getModel().getSeriesByIndex(0).getData();
  let idx = -1;
  data.tree.eachNode((n) => { if (n.depth === 1 && idx < 0) idx = n.dataIndex; if (n.name === spec.focus) idx = n.dataIndex; });
  const g = idx < 0 ? null : data.getItemGraphicEl(idx);
  if (!g || !holder) return;
  holder.scrollLeft = Math.max(0, g.getComputedTransform()[4] - holder.clientWidth / 2);
}

class SorotChart extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this.chart = echarts.init(this, null, { renderer: this.getAttribute('renderer') || 'canvas' });
    this.chart.on('click', (p) => {
      this.dispatchEvent(new CustomEvent('chart-click', { detail: { name: p.name, seriesName: p.seriesName, value: p.value, data: p.data } }));
    });
    // a tree's series event names are lower case in ECharts' registry
    this.chart.on('treeexpandandcollapse', () => fitTree(this));
    this.chart.on('finished', () => {
      if (this._scrolled || !(this._option && this._option.sorot && this._option.sorot.tree)) return;
      this._scrolled = true;
      scrollToFocus(this);
    });
    this._resize = new ResizeObserver(() => this.chart && this.chart.resize());
    this._resize.observe(this);
    if (this._option) {
      this.chart.setOption(this._option, true);
      fitTree(this);
    }
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }

  set option(json) {
    this._json = typeof json === 'string' ? json : JSON.stringify(json);
    this._option = decorate(JSON.parse(this._json));
    this._scrolled = false;
    if (this.chart) {
      this.chart.setOption(this._option, true);
      fitTree(this);
    }
  }

  get option() {
    return this._option;
  }

  /**
   * The chart drawn again off screen, without animation, at least 960 px wide, as a PNG data URL
   * (at {@code ratio} times the pixels) or as SVG text; framed with title, subtitle, source and
   * time of export when {@code meta} is given. Nothing leaves the browser: no export server.
   */
  async image(type = 'png', meta = null, ratio = 2) {
    if (!this._json) return null;
    const option = decorate(JSON.parse(this._json));
    let w = Math.max(this.clientWidth || 0, 960);
    let h = Math.max(this.clientHeight || 0, 380);
    if (option.sorot && option.sorot.tree) {
      ({ w, h } = wholeTree(option));
      ratio = Math.min(ratio, CANVAS_MAX / w, CANVAS_MAX / (h + 100));
    }
    const holder = document.createElement('div');
    holder.style.cssText = `position:fixed;left:${-w - 200}px;top:0;width:${w}px;height:${h}px;`;
    document.body.appendChild(holder);
    const chart = echarts.init(holder, null, { renderer: type === 'svg' ? 'svg' : 'canvas', width: w, height: h });
    try {
      option.animation = false;
      chart.setOption(option, true);
      if (type === 'svg') {
        const svg = chart.renderToSVGString();
        return meta ? composeSvg(svg, w, h, meta) : svg;
      }
      const png = chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#fff' });
      return meta ? await composePng(png, w, h, meta, ratio) : png;
    } finally {
      chart.dispose();
      holder.remove();
    }
  }

  /** Saves the framed chart as a file through the browser's own download. */
  async download(type, fileName, title, subtitle, source, stamp) {
    const out = await this.image(type, { title, subtitle, source, stamp }, 2);
    const blob = type === 'svg'
      ? new Blob([out], { type: 'image/svg+xml;charset=utf-8' })
      : await (await fetch(out)).blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

customElements.define('sorot-chart', SorotChart);
