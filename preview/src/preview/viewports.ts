/** The widths the preview shows the page at: a laptop and a small phone. */
export const VIEWPORTS = {
  desktop: { label: "Desktop, 1280 px", width: 1280 },
  mobile: { label: "Mobile, 375 px", width: 375 },
} as const;

export type Viewport = keyof typeof VIEWPORTS;

/** Tall enough for the product and the first widgets at either width. */
export const FRAME_HEIGHT = 900;
