// The self-contained build for a plain <script type="module"> tag: registers the elements and
// exports the public API, with Lit and every other dependency bundled in (dist/seatkit.bundle.js).
import './define.js';

export * from './index.js';
