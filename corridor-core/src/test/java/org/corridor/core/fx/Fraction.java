package org.corridor.core.fx;

import java.math.BigInteger;

/** Exact rational arithmetic for the tests' reference model: the code under test never uses this class. */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
    Fraction {
        if (denominator.signum() <= 0) throw new IllegalArgumentException("positive denominator");
        BigInteger common = numerator.gcd(denominator);
        if (common.signum() != 0 && !common.equals(BigInteger.ONE)) {
            numerator = numerator.divide(common);
            denominator = denominator.divide(common);
        }
    }

    static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    static Fraction of(long whole) {
        return of(whole, 1);
    }

    static Fraction of(Price price) {
        return of(price.numerator(), price.denominator());
    }

    static Fraction of(Residue residue) {
        return of(residue.numerator(), residue.denominator());
    }

    static Fraction tenToThe(int power) {
        return power >= 0 ? new Fraction(BigInteger.TEN.pow(power), BigInteger.ONE)
                : new Fraction(BigInteger.ONE, BigInteger.TEN.pow(-power));
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction minus(Fraction other) {
        return plus(new Fraction(other.numerator.negate(), other.denominator));
    }

    Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** Minor units of the rate's base currency as exact minor units of its quote currency. */
    static Fraction converted(Fraction baseMinor, Rate rate) {
        return baseMinor.times(of(rate.price()))
                .times(tenToThe(Rate.exponent(rate.quote()) - Rate.exponent(rate.base())));
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }
}
