import { hash } from "./hash";

/**
 * Aisles for the demo. The data set has no categories: these rules are ours.
 * An item goes to the first aisle with a word that starts a word of its
 * name, so "frozen fish" is Frozen before it could be Meat & fish. Each aisle
 * has a plausible price range in cents; prices end in 9.
 */
const AISLES: readonly { name: string; words: string[]; prices: [number, number] }[] = [
  { name: "Frozen", words: ["frozen", "ice cream"], prices: [199, 799] },
  {
    name: "Beer, wine & spirits",
    words: ["beer", "wine", "liquor", "liqueur", "rum", "whisky", "brandy", "prosecco"],
    prices: [299, 1299],
  },
  {
    name: "Drinks",
    words: ["juice", "water", "soda", "coffee", "tea", "beverages", "cocoa"],
    prices: [79, 599],
  },
  {
    name: "Pantry",
    words: [
      ...["canned", "pickled", "cooking chocolate", "powder", "specialty fat"],
      ...["instant food", "finished products", "potato products", "soups"],
      "sweetener",
    ],
    prices: [49, 699],
  },
  {
    name: "Health & beauty",
    words: [
      ...["dental", "hair", "skin", "soap", "make up", "cosmetics", "hygiene"],
      ...["sanitary", "rubbing alcohol"],
    ],
    prices: [149, 999],
  },
  {
    name: "Baby & pet",
    words: ["baby food", "cat food", "dog food", "pet care"],
    prices: [99, 899],
  },
  {
    name: "Household",
    words: [
      ...["clean", "detergent", "softener", "decalcifier", "napkins", "towels"],
      ...["bags", "film", "candles", "bulbs", "cookware", "dishes", "utensil"],
      ...["newspapers", "storage medium", "flower", "pot plants", "house keeping"],
      "preservation",
    ],
    prices: [99, 999],
  },
  {
    name: "Dairy & eggs",
    words: [
      ...["milk", "yogurt", "cream", "cheese", "curd", "butter", "margarine"],
      ...["eggs", "dessert"],
    ],
    prices: [59, 599],
  },
  {
    name: "Meat & fish",
    words: [
      ...["meat", "beef", "pork", "chicken", "turkey", "ham", "sausage"],
      ...["frankfurter", "fish", "liver loaf"],
    ],
    prices: [299, 1299],
  },
  {
    name: "Bakery",
    words: ["bread", "rolls", "roll products", "pastry", "zwieback", "bakery", "waffles"],
    prices: [99, 499],
  },
  {
    name: "Fruit & vegetables",
    words: [
      "fruit",
      "vegetables",
      "berries",
      "grapes",
      "onions",
      "herbs",
      "organic products",
    ],
    prices: [79, 399],
  },
  {
    name: "Snacks & sweets",
    words: [
      ...["chocolate", "candy", "chewing gum", "snack", "popcorn", "nuts"],
      ...["specialty bar", "cake bar", "tidbits"],
    ],
    prices: [49, 499],
  },
];

/** Where an item goes when no rule names it (salt, rice, jam, …). */
const FALLBACK_AISLE = { name: "Pantry", prices: [49, 699] as [number, number] };

function startsAWord(name: string, word: string): boolean {
  for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
    if (at === 0 || !/[a-z]/.test(name.charAt(at - 1))) return true;
  }
  return false;
}

function aisleOf(itemName: string): { name: string; prices: [number, number] } {
  const name = itemName.toLowerCase();
  const aisle = AISLES.find((each) => each.words.some((word) => startsAWord(name, word)));
  return aisle ?? FALLBACK_AISLE;
}

export function categorize(itemName: string): string {
  return aisleOf(itemName).name;
}

/** A stable price in cents within the aisle's range, ending in 9. */
export function priceFor(itemName: string): number {
  const [min, max] = aisleOf(itemName).prices;
  const steps = Math.floor((max - min) / 10) + 1;
  return min + (hash(`price:${itemName}`) % steps) * 10;
}
