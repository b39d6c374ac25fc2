import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // In dev, Next serves its scripts and hot reload only to origins it knows (localhost): a page opened at
  // http://127.0.0.1:3000 would otherwise never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
