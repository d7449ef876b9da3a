// simple-peer behind its Node shims, as one module: imports evaluate in order, so the shims are
// in place before simple-peer's dependencies (readable-stream, randombytes) load, and the bundler
// fetches both in a single round of requests instead of the shims first and simple-peer after.
import "./shims";

export { default } from "simple-peer";
