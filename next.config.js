// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The container image (Dockerfile) runs `node server.js` from the traced bundle in <distDir>/standalone; `next
  // start` (npm run demo, npm test) keeps working on the same build, it only logs that it is not the standalone way.
  output: "standalone",
  // Developers running several builds side by side (e.g. parallel test stacks) give each its own output directory
  // under .data/ (git- and lint-ignored); `next build` and `next start` must see the same value.
  ...(process.env.FLUXTOWER_NEXT_DIST_DIR ? { distDir: process.env.FLUXTOWER_NEXT_DIST_DIR } : {}),
  // `npm test` runs `tsc --noEmit` over the whole repository as its own gate; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Packages with native parts or dynamic requires stay outside the server bundle.
  serverExternalPackages: [
    "@kubernetes/client-node",
    "@libsql/client",
    "@prisma/adapter-libsql",
    "@prisma/adapter-pg",
    "@prisma/client",
    "pg",
    "pino",
  ],
  experimental: {
    serverActions: { bodySizeLimit: "256kb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
