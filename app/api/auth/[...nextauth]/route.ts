// GET/POST /api/auth/* – next-auth v4 (credentials sign-in, session, sign-out, CSRF token)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
