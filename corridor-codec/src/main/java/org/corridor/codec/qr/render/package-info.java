/**
 * Images of a merchant-presented payload for a merchant to print or show: PNG bytes ({@link
 * org.corridor.codec.qr.render.QrPng}) and SVG text ({@link org.corridor.codec.qr.render.QrSvg}), both from
 * one symbol ({@link org.corridor.codec.qr.render.QrSymbol}) at error correction level M with the standard
 * four-module quiet zone. ZXing makes the symbol; the drawing is ours and needs no external tool.
 *
 * <p>Depends on ZXing ({@code core}, and {@code javase} for PNG), the JDK and {@code org.corridor.codec.qr}.
 */
package org.corridor.codec.qr.render;
