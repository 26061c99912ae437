// Whether to switch on Cytoscape's WebGL renderer: only with a hardware GPU. Software
// rasterisers (SwiftShader, llvmpipe) draw WebGL slower than Cytoscape's canvas renderer does.
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

let cached: boolean | undefined;

/** Reads the unmasked renderer string once per page; false wherever it cannot be read. */
export function hasHardwareWebgl(): boolean {
  if (cached !== undefined) return cached;
  cached = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return cached;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    cached = renderer.length > 0 && !SOFTWARE_RENDERERS.test(renderer);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    cached = false;
  }
  return cached;
}

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}
