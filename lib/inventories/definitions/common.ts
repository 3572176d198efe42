// Fields several inventories share.
import { textField } from "@/lib/inventories/fields";

export const NOTES = textField(2000, {
  label: "Notes", multiline: true, search: true,
  aliases: ["Comments", "Comment", "Remarks", "Note"],
  help: "Free text.",
});
