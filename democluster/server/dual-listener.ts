// One TCP port serving both plain HTTP and HTTPS: the first byte of a connection decides (0x16 = TLS handshake).
// kubectl needs TLS to send bearer tokens; plain HTTP stays available for scripts and the control endpoints.
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import type { SelfSignedCert } from "./tls-cert";

export interface DualListener {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createDualListener(handler: http.RequestListener, cert: SelfSignedCert): DualListener {
  const plain = http.createServer(handler);
  const secure = https.createServer({ key: cert.keyPem, cert: cert.certPem }, handler);
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", (err) => {
      // Clients disconnecting abruptly (e.g. killed kubectl) are normal; anything else is worth a line.
      if ((err as NodeJS.ErrnoException).code !== "ECONNRESET")
        console.error("democluster: socket error:", err.message);
    });
    socket.once("data", (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit("connection", socket);
      process.nextTick(() => socket.resume());
    });
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        tcp.once("error", reject);
        tcp.listen(port, host, () => {
          tcp.off("error", reject);
          resolve((tcp.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        tcp.close((err) => (err ? reject(err) : resolve()));
        plain.closeAllConnections();
        secure.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
    },
  };
}
