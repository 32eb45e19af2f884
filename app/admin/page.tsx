import { redirect } from "next/navigation";

// The console opens on today's board.
export default function AdminPage() {
  redirect("/admin/daily-declaration-returns");
}
