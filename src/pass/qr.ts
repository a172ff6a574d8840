import QRCode from 'qrcode';

// Level M (15 % recovery): a pass of ~400 bytes fits a version-15 code phones read at a gate.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The token as a QR code, SVG markup (scales to any size). */
export function qrSvg(token: string): Promise<string> {
  return QRCode.toString(token, { ...OPTIONS, type: 'svg' });
}

/** The token as a QR code, PNG bytes, `scale` pixels per module (default 6). */
export function qrPng(token: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(token, { ...OPTIONS, type: 'png', scale });
}
