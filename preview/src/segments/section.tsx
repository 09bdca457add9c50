import type { Section } from "../app/sections";
import { SegmentsSection } from "./SegmentsSection";

/** The back office's Segments section, /editor/segments. */
export const segmentsSection: Section = {
  id: "segments",
  label: "Segments",
  render: (props) => <SegmentsSection {...props} />,
};
