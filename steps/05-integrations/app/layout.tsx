import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Chat — Next.js + Socket.IO workshop",
  description: "A real-time chat built step by step with Next.js and Socket.IO.",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Rendered for each request, never ahead of time: each page's scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable} h-full antialiased`}>
      <body className="flex min-h-full flex-col">{children}</body>
    </html>
  );
}
