import type { JSX } from "preact";
import { POPUP_TEMPLATES, type PopupTemplate } from "../../../templates/popup/contract";
import type { ProductCard, SiteInfo } from "../api/types";
import { BASE } from "../app/routes";
import { Link } from "../ui/Link";
import { TEMPLATE_LABELS } from "./labels";
import { Thumbnail } from "./Thumbnail";

interface Props {
  site: SiteInfo | undefined;
  products: ProductCard[] | undefined;
  onPick(template: PopupTemplate): void;
  onBack(): void;
}

/** Where a new pop-up starts: the templates, each with what it is for and
 * a picture drawn by its own component. Each is a button, so Tab reaches
 * it and Enter or Space picks it. */
export function Gallery(props: Props): JSX.Element {
  return (
    <main class="popup-gallery">
      <Link href={`${BASE}popups`} class="back" onNavigate={props.onBack}>
        ← Pop-ups
      </Link>
      <h1 id="gallery-title">Increase conversion and average order value</h1>
      <p class="hint">
        Pick a template for the new pop-up; everything in it can be changed.
      </p>
      <ul class="popup-choices" aria-labelledby="gallery-title">
        {POPUP_TEMPLATES.map((template) => {
          const { label, description } = TEMPLATE_LABELS[template];
          return (
            <li key={template}>
              <button
                type="button"
                class="popup-choice"
                aria-labelledby={`gallery-${template}-label`}
                aria-describedby={`gallery-${template}-description`}
                onClick={() => props.onPick(template)}
              >
                <Thumbnail
                  template={template}
                  site={props.site}
                  products={props.products}
                />
                <span id={`gallery-${template}-label`} class="popup-choice-label">
                  {label}
                </span>
                <span id={`gallery-${template}-description`} class="hint">
                  {description}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
