// Imports the built package while catching the WebAssembly memory it
// instantiates, so tests and the bench can read how much memory it took.
export async function importWithMemory(url) {
  const Instance = WebAssembly.Instance;
  let memory = null;
  WebAssembly.Instance = function (...args) {
    const instance = new Instance(...args);
    memory ??= instance.exports.memory;
    return instance;
  };
  try {
    const api = await import(url);
    return { api, memory: () => memory };
  } finally {
    WebAssembly.Instance = Instance;
  }
}
