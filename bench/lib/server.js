// Starts one benchmark Strapi process (serve.js) and talks to it over IPC: `call(type, args)` resolves to its answer.
const { fork } = require('child_process');
const path = require('path');

// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each Strapi process into <dir> when it stops (open it in Chrome's
// DevTools, Performance tab), to see where a setup spends its time.
const profiling = () =>
  process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`, '--cpu-prof-interval=500']
    : [];

function startServer(key, env) {
  const child = fork(path.join(__dirname, 'serve.js'), [], {
    env: { ...process.env, ...env, BENCH_KEY: key },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...profiling()],
  });
  const waiting = new Map();
  let nextId = 0;
  let exited = false;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'ready') return resolve(message.value);
      if (message.type === 'log') return console.log(message.value);
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(`${key}: ${message.error}`));
      else pending?.resolve(message.value);
    });
    child.on('exit', (code, signal) => {
      exited = true;
      const error = new Error(`Strapi process ${key} exited (${signal ?? code})`);
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
    });
  });
  const call = (type, args) =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, { resolve, reject });
      child.send({ id, type, args });
    });
  const stop = () => (exited ? Promise.resolve() : call('exit').catch(() => child.kill('SIGKILL')));
  return { key, ready, call, stop, alive: () => !exited, child };
}

module.exports = { startServer };
