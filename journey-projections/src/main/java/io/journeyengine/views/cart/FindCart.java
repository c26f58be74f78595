package io.journeyengine.views.cart;

/** Query: the cart of one customer as every channel sees it. */
public record FindCart(String customerId) {
}
