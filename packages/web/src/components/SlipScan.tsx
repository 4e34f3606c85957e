/**
 * Scans a check-in slip at the desk: the camera (a tablet's back camera) or a hand scanner that
 * types the code, then opens the passenger. The code names a movement and a record number only.
 */
import { parseSlipCode } from '../../../core/src/slip-code.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t.js';
import { loadQrDecoder } from '../lib/qr-decode.js';
import { navigate } from '../lib/router.js';

/** Why the camera could not be used, in the desk's words. */
function cameraProblem(t: ReturnType<typeof useT>, err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError') return t('slipScan.denied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return t('slipScan.noCamera');
  return t('slipScan.failed', { reason: name || String(err) });
}

/** The camera view: reads frames until a code is found, then stops the camera. */
function Camera(props: { onCode: (text: string) => void; onProblem: (message: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const { onCode, onProblem } = props;
  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia)
          throw new DOMException('the camera needs HTTPS or localhost', 'NotSupportedError');
        const [decode, media] = await Promise.all([
          loadQrDecoder(),
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: 'environment' },
            audio: false,
          }),
        ]);
        stream = media;
        if (stopped || !video.current) return stop();
        video.current.srcObject = media;
        await video.current.play();
        const canvas = document.createElement('canvas');
        const g = canvas.getContext('2d', { willReadFrequently: true });
        timer = setInterval(() => {
          const v = video.current;
          if (!v || !g || v.videoWidth === 0) return;
          // Frames at most 800 px wide: enough for a slip held near the camera, light on a tablet.
          const scale = Math.min(1, 800 / v.videoWidth);
          canvas.width = Math.round(v.videoWidth * scale);
          canvas.height = Math.round(v.videoHeight * scale);
          g.drawImage(v, 0, 0, canvas.width, canvas.height);
          const frame = g.getImageData(0, 0, canvas.width, canvas.height);
          const text = decode(frame.data, frame.width, frame.height);
          if (text !== null) {
            stop();
            onCode(text);
          }
        }, 150);
      } catch (err) {
        stop();
        onProblem(cameraProblem(t, err));
      }
    })();
    return stop;
  }, [onCode, onProblem, t]);
  return (
    <video ref={video} className="scan-video" muted playsInline aria-label={t('slipScan.video')} />
  );
}

/**
 * The scan panel of a movement's desk: a slip for this movement opens its passenger
 * (`onPerson`); a slip for another movement says so and offers to go there.
 */
export function SlipScan(props: { movementId: string; onPerson: (personId: string) => void }) {
  const t = useT();
  const [camera, setCamera] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [elsewhere, setElsewhere] = useState<{ movementId: string; personId: string } | null>(null);
  const { movementId, onPerson } = props;
  const handle = (text: string) => {
    setCamera(false);
    setElsewhere(null);
    const code = parseSlipCode(text);
    if (!code) {
      setProblem(t('slipScan.notSlip', { text: text.slice(0, 80) }));
      return;
    }
    setProblem(null);
    setTyped('');
    if (code.movementId !== movementId) setElsewhere(code);
    else onPerson(code.personId);
  };
  // Stable callbacks for the camera's effect: it restarts only when shown again.
  const onCode = useRef(handle);
  onCode.current = handle;
  const [callbacks] = useState(() => ({
    code: (text: string) => onCode.current(text),
    problem: (message: string) => {
      setCamera(false);
      setProblem(message);
    },
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) handle(typed);
  };
  return (
    <div className="slip-scan">
      <div className="row">
        <button
          type="button"
          aria-pressed={camera}
          onClick={() => {
            setProblem(null);
            setCamera((c) => !c);
          }}
        >
          {camera ? t('slipScan.stop') : t('slipScan.camera')}
        </button>
        <form onSubmit={submit} className="row">
          <label htmlFor="slip-code">{t('slipScan.code')}</label>
          <input
            id="slip-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="CORRIDOR-SLIP:…"
            autoComplete="off"
          />
          <button type="submit">{t('slipScan.open')}</button>
        </form>
      </div>
      {camera && <Camera onCode={callbacks.code} onProblem={callbacks.problem} />}
      <div aria-live="polite">
        {problem && <p className="error">{problem}</p>}
        {elsewhere && (
          <p className="error">
            {t('slipScan.elsewhere', { movement: elsewhere.movementId, current: movementId })}{' '}
            <button
              type="button"
              onClick={() =>
                navigate(
                  `/movement-day?movement=${encodeURIComponent(elsewhere.movementId)}&person=${encodeURIComponent(elsewhere.personId)}`,
                )
              }
            >
              {t('slipScan.openThere', {
                person: elsewhere.personId,
                movement: elsewhere.movementId,
              })}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
