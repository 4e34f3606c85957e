/**
 * Scans a check-in slip at the desk: the camera (a tablet's back camera) or a hand scanner that
 * types the code, then opens the passenger. The code names a movement and a record number only.
 */
import { parseSlipCode } from '../../../core/src/slip-code.js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { loadQrDecoder } from '../lib/qr-decode.js';
import { navigate } from '../lib/router.js';

/** Why the camera could not be used, in the desk's words. */
function cameraProblem(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError')
    return 'The camera was not allowed: allow it for this site, or type the code below.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'No camera found: type the code below or use a hand scanner.';
  return `The camera could not start (${name || String(err)}): type the code below.`;
}

/** The camera view: reads frames until a code is found, then stops the camera. */
function Camera(props: { onCode: (text: string) => void; onProblem: (message: string) => void }) {
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
        onProblem(cameraProblem(err));
      }
    })();
    return stop;
  }, [onCode, onProblem]);
  return (
    <video
      ref={video}
      className="scan-video"
      muted
      playsInline
      aria-label="Camera view: hold the slip's QR code in front of the camera"
    />
  );
}

/**
 * The scan panel of a movement's desk: a slip for this movement opens its passenger
 * (`onPerson`); a slip for another movement says so and offers to go there.
 */
export function SlipScan(props: { movementId: string; onPerson: (personId: string) => void }) {
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
      setProblem(`Not a Corridor check-in slip: “${text.slice(0, 80)}”.`);
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
          {camera ? 'Stop the camera' : 'Scan a slip with the camera'}
        </button>
        <form onSubmit={submit} className="row">
          <label htmlFor="slip-code">Slip code (hand scanner or keyboard)</label>
          <input
            id="slip-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="CORRIDOR-SLIP:…"
            autoComplete="off"
          />
          <button type="submit">Open</button>
        </form>
      </div>
      {camera && <Camera onCode={callbacks.code} onProblem={callbacks.problem} />}
      <div aria-live="polite">
        {problem && <p className="error">{problem}</p>}
        {elsewhere && (
          <p className="error">
            This slip is for movement <bdi>{elsewhere.movementId}</bdi>, not <bdi>{movementId}</bdi>
            .{' '}
            <button
              type="button"
              onClick={() =>
                navigate(
                  `/movement-day?movement=${encodeURIComponent(elsewhere.movementId)}&person=${encodeURIComponent(elsewhere.personId)}`,
                )
              }
            >
              Open <bdi>{elsewhere.personId}</bdi> on <bdi>{elsewhere.movementId}</bdi>
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
