/**
 * Hold music Hotline serves itself, so that a new installation plays something pleasant without
 * any media to upload: a slow, quiet progression of soft chords as 8 kHz 16-bit mono WAV (the
 * telephone's own sample rate), about 16 seconds long before the wait loop repeats it.
 */
const SAMPLE_RATE = 8000;
const CHORD_SECONDS = 4;
const CHORDS = [
  [261.63, 329.63, 392.0],
  [220.0, 261.63, 329.63],
  [174.61, 220.0, 261.63],
  [196.0, 246.94, 293.66],
];

export function holdMusicWav(): Buffer {
  const samplesPerChord = SAMPLE_RATE * CHORD_SECONDS;
  const samples = samplesPerChord * CHORDS.length;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const chord = CHORDS[Math.floor(i / samplesPerChord)];
    const t = i / SAMPLE_RATE;
    const within = (i % samplesPerChord) / samplesPerChord;
    // Fade each chord in and out so that the joins, and the loop, do not click.
    const envelope = Math.sin(Math.PI * within);
    const value =
      chord.reduce((sum, frequency) => sum + Math.sin(2 * Math.PI * frequency * t), 0) / chord.length;
    wav.writeInt16LE(Math.round(value * envelope * 0.25 * 32767), 44 + i * 2);
  }
  return wav;
}
