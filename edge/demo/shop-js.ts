/**
 * The demo shop's own script, served at /demo/shop.js. It is the merchant's
 * code, not Vitrine's: it keeps the cart in localStorage, draws the cart
 * page, and tells Vitrine what is in the cart through the markup it reads,
 * the `data-vitrine-cart` attribute. It runs synchronously
 * at the end of `<body>`, so the attribute is set before the runtime (an
 * async module) reads the page.
 */
export const SHOP_JS = `(function () {
  "use strict";
  var KEY = "green-basket.cart";

  function valid(line) {
    return line && typeof line.id === "string" && typeof line.name === "string" &&
      Number.isInteger(line.price) && Number.isInteger(line.quantity) &&
      line.quantity > 0;
  }
  function read() {
    try {
      var lines = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(lines) ? lines.filter(valid) : [];
    } catch (error) {
      return [];
    }
  }
  function write(lines) {
    try {
      localStorage.setItem(KEY, JSON.stringify(lines));
    } catch (error) {
      // Storage full or disabled: the cart lasts as long as the page.
    }
  }
  function money(cents) {
    return "$" + Math.floor(cents / 100) + "." + String(cents % 100).padStart(2, "0");
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function showCount(lines) {
    var items = lines.reduce(function (sum, line) { return sum + line.quantity; }, 0);
    document.querySelectorAll("[data-cart-count]").forEach(function (node) {
      node.textContent = String(items);
    });
  }

  var form = document.querySelector("form[data-add-to-cart]");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = form.dataset;
      var wanted = parseInt(form.elements.quantity.value, 10);
      var quantity = Math.min(99, Math.max(1, wanted || 1));
      var lines = read();
      var line = lines.find(function (each) { return each.id === data.id; });
      if (line) {
        line.quantity = Math.min(99, line.quantity + quantity);
      } else {
        lines.push({ id: data.id, name: data.name, price: Number(data.price),
          url: data.url, image: data.image, quantity: quantity });
      }
      write(lines);
      location.href = "/demo/cart";
    });
  }

  function button(action, id, label, text) {
    var node = element("button", "qty-button", text);
    node.type = "button";
    node.dataset.action = action;
    node.dataset.id = id;
    node.setAttribute("aria-label", label);
    return node;
  }
  function drawCart(box, lines) {
    box.replaceChildren();
    if (lines.length === 0) {
      var empty = element("p", "muted", "Your cart is empty. ");
      var link = element("a", "", "Start shopping");
      link.href = "/demo/";
      empty.append(link);
      box.append(empty);
      return;
    }
    var list = element("ul", "cart-lines");
    list.setAttribute("role", "list");
    lines.forEach(function (line) {
      var item = element("li", "cart-line");
      var picture = element("img");
      picture.src = line.image;
      picture.alt = "";
      picture.width = 64;
      picture.height = 64;
      var name = element("a", "cart-name", line.name);
      name.href = line.url;
      var quantity = element("span", "qty");
      quantity.append(
        button("less", line.id, "One less " + line.name, "−"),
        element("output", "", String(line.quantity)),
        button("more", line.id, "One more " + line.name, "+"),
      );
      var remove = button("remove", line.id, "Remove " + line.name, "Remove");
      remove.className = "link-button";
      var amount = element("span", "price", money(line.price * line.quantity));
      item.append(picture, name, quantity, amount, remove);
      list.append(item);
    });
    var total = lines.reduce(function (sum, line) {
      return sum + line.price * line.quantity;
    }, 0);
    var summary = element("p", "cart-total", "Total ");
    summary.append(element("strong", "", money(total)));
    var note = element("p", "muted", "This is a demo shop: there is no checkout.");
    box.append(list, summary, note);
  }

  // One id per unit: Vitrine reads a repeated id as a quantity above one.
  function declareCart(main, lines) {
    var ids = [];
    lines.forEach(function (line) {
      for (var unit = 0; unit < line.quantity; unit++) ids.push(line.id);
    });
    main.setAttribute("data-vitrine-cart", ids.join(","));
  }

  var main = document.querySelector('main[data-vitrine-page="cart"]');
  var box = document.querySelector("[data-cart]");
  if (main && box) {
    var lines = read();
    declareCart(main, lines);
    drawCart(box, lines);
    box.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-action]");
      if (!target) return;
      var id = target.dataset.id;
      var current = read();
      var line = current.find(function (each) { return each.id === id; });
      if (!line) return;
      var action = target.dataset.action;
      if (action === "more") line.quantity = Math.min(99, line.quantity + 1);
      if (action === "less") line.quantity -= 1;
      if (action === "remove") line.quantity = 0;
      var kept = current.filter(function (each) { return each.quantity > 0; });
      write(kept);
      // A product left the cart: reload, so that Vitrine reads the new
      // contents and the widgets follow.
      if (kept.length !== current.length) {
        location.reload();
        return;
      }
      declareCart(main, kept);
      drawCart(box, kept);
      showCount(kept);
      // Redrawing replaced the button: give keyboard users their place back.
      var selector =
        'button[data-action="' + action + '"][data-id="' + CSS.escape(id) + '"]';
      var again = box.querySelector(selector);
      if (again) again.focus();
    });
  }

  // Vitrine's cross-sell pop-up offers products with an "add to cart"
  // button; adding is the shop's business, so it registers how.
  if (typeof window.vitrine === "function") {
    window.vitrine("on", "addToCart", function (product) {
      var lines = read();
      var line = lines.find(function (each) { return each.id === product.id; });
      if (line) {
        line.quantity = Math.min(99, line.quantity + 1);
      } else {
        lines.push({ id: product.id, name: product.name, price: product.price,
          url: product.url, image: product.image, quantity: 1 });
      }
      write(lines);
      location.href = "/demo/cart";
    });
  }

  // Aisle pages ask for web pushes: Vitrine shows its own small prompt
  // first, once, and the browser's only if the shopper agrees.
  if (typeof window.vitrine === "function" &&
      document.querySelector('main[data-vitrine-page="category"]')) {
    window.vitrine("push", { serviceWorker: "/demo/vitrine-sw.js" });
  }

  showCount(read());
})();
`;
