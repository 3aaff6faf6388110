// Next.js calls register() once when the server starts; the Node-only start-up lives in lib/server-start.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server-start");
    await startServer();
  }
}
