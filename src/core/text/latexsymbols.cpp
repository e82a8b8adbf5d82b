// SPDX-License-Identifier: GPL-3.0-or-later
#include "latexsymbols.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fromUcs4(char32_t c)
{
    return QString::fromUcs4(&c, 1);
}
} // namespace

namespace LatexSymbols {

const QHash<QString, QString> &mathSymbols()
{
    static const QHash<QString, QString> table = {
        // Greek
        {u"alpha"_s, u"α"_s}, {u"beta"_s, u"β"_s}, {u"gamma"_s, u"γ"_s}, {u"delta"_s, u"δ"_s},
        {u"epsilon"_s, u"ϵ"_s}, {u"varepsilon"_s, u"ε"_s}, {u"zeta"_s, u"ζ"_s}, {u"eta"_s, u"η"_s},
        {u"theta"_s, u"θ"_s}, {u"vartheta"_s, u"ϑ"_s}, {u"iota"_s, u"ι"_s}, {u"kappa"_s, u"κ"_s},
        {u"lambda"_s, u"λ"_s}, {u"mu"_s, u"μ"_s}, {u"nu"_s, u"ν"_s}, {u"xi"_s, u"ξ"_s}, {u"pi"_s, u"π"_s},
        {u"varpi"_s, u"ϖ"_s}, {u"rho"_s, u"ρ"_s}, {u"varrho"_s, u"ϱ"_s}, {u"sigma"_s, u"σ"_s},
        {u"varsigma"_s, u"ς"_s}, {u"tau"_s, u"τ"_s}, {u"upsilon"_s, u"υ"_s}, {u"phi"_s, u"ϕ"_s},
        {u"varphi"_s, u"φ"_s}, {u"chi"_s, u"χ"_s}, {u"psi"_s, u"ψ"_s}, {u"omega"_s, u"ω"_s},
        {u"Gamma"_s, u"Γ"_s}, {u"Delta"_s, u"Δ"_s}, {u"Theta"_s, u"Θ"_s}, {u"Lambda"_s, u"Λ"_s},
        {u"Xi"_s, u"Ξ"_s}, {u"Pi"_s, u"Π"_s}, {u"Sigma"_s, u"Σ"_s}, {u"Upsilon"_s, u"Υ"_s},
        {u"Phi"_s, u"Φ"_s}, {u"Psi"_s, u"Ψ"_s}, {u"Omega"_s, u"Ω"_s},
        // Relations and operators
        {u"times"_s, u"×"_s}, {u"cdot"_s, u"·"_s}, {u"div"_s, u"÷"_s}, {u"pm"_s, u"±"_s}, {u"mp"_s, u"∓"_s},
        {u"leq"_s, u"≤"_s}, {u"le"_s, u"≤"_s}, {u"leqslant"_s, u"≤"_s}, {u"geq"_s, u"≥"_s}, {u"ge"_s, u"≥"_s},
        {u"geqslant"_s, u"≥"_s}, {u"neq"_s, u"≠"_s}, {u"ne"_s, u"≠"_s}, {u"approx"_s, u"≈"_s},
        {u"sim"_s, u"∼"_s}, {u"simeq"_s, u"≃"_s}, {u"cong"_s, u"≅"_s}, {u"equiv"_s, u"≡"_s},
        {u"propto"_s, u"∝"_s}, {u"ll"_s, u"≪"_s}, {u"gg"_s, u"≫"_s}, {u"lesssim"_s, u"≲"_s},
        {u"gtrsim"_s, u"≳"_s}, {u"prec"_s, u"≺"_s}, {u"succ"_s, u"≻"_s}, {u"preceq"_s, u"⪯"_s},
        {u"in"_s, u"∈"_s}, {u"notin"_s, u"∉"_s}, {u"ni"_s, u"∋"_s}, {u"subset"_s, u"⊂"_s},
        {u"subseteq"_s, u"⊆"_s}, {u"supset"_s, u"⊃"_s}, {u"supseteq"_s, u"⊇"_s}, {u"cup"_s, u"∪"_s},
        {u"cap"_s, u"∩"_s}, {u"setminus"_s, u"∖"_s}, {u"emptyset"_s, u"∅"_s}, {u"varnothing"_s, u"∅"_s},
        {u"forall"_s, u"∀"_s}, {u"exists"_s, u"∃"_s}, {u"neg"_s, u"¬"_s}, {u"lnot"_s, u"¬"_s},
        {u"land"_s, u"∧"_s}, {u"wedge"_s, u"∧"_s}, {u"lor"_s, u"∨"_s}, {u"vee"_s, u"∨"_s},
        {u"oplus"_s, u"⊕"_s}, {u"otimes"_s, u"⊗"_s}, {u"odot"_s, u"⊙"_s}, {u"circ"_s, u"∘"_s},
        {u"ast"_s, u"∗"_s}, {u"star"_s, u"⋆"_s}, {u"bullet"_s, u"•"_s}, {u"mid"_s, u"∣"_s},
        {u"parallel"_s, u"∥"_s}, {u"perp"_s, u"⊥"_s}, {u"top"_s, u"⊤"_s}, {u"bot"_s, u"⊥"_s},
        {u"to"_s, u"→"_s}, {u"rightarrow"_s, u"→"_s}, {u"leftarrow"_s, u"←"_s}, {u"gets"_s, u"←"_s},
        {u"leftrightarrow"_s, u"↔"_s}, {u"Rightarrow"_s, u"⇒"_s}, {u"Leftarrow"_s, u"⇐"_s},
        {u"Leftrightarrow"_s, u"⇔"_s}, {u"iff"_s, u"⇔"_s}, {u"implies"_s, u"⇒"_s}, {u"mapsto"_s, u"↦"_s},
        {u"uparrow"_s, u"↑"_s}, {u"downarrow"_s, u"↓"_s}, {u"longrightarrow"_s, u"⟶"_s},
        {u"infty"_s, u"∞"_s}, {u"partial"_s, u"∂"_s}, {u"nabla"_s, u"∇"_s}, {u"sum"_s, u"∑"_s},
        {u"prod"_s, u"∏"_s}, {u"int"_s, u"∫"_s}, {u"oint"_s, u"∮"_s}, {u"ell"_s, u"ℓ"_s},
        {u"hbar"_s, u"ℏ"_s}, {u"Re"_s, u"ℜ"_s}, {u"Im"_s, u"ℑ"_s}, {u"aleph"_s, u"ℵ"_s},
        {u"prime"_s, u"′"_s}, {u"degree"_s, u"°"_s}, {u"angle"_s, u"∠"_s}, {u"triangle"_s, u"△"_s},
        {u"ldots"_s, u"…"_s}, {u"dots"_s, u"…"_s}, {u"cdots"_s, u"⋯"_s}, {u"vdots"_s, u"⋮"_s},
        {u"ddots"_s, u"⋱"_s}, {u"langle"_s, u"⟨"_s}, {u"rangle"_s, u"⟩"_s}, {u"lceil"_s, u"⌈"_s},
        {u"rceil"_s, u"⌉"_s}, {u"lfloor"_s, u"⌊"_s}, {u"rfloor"_s, u"⌋"_s}, {u"vert"_s, u"|"_s},
        {u"lvert"_s, u"|"_s}, {u"rvert"_s, u"|"_s}, {u"Vert"_s, u"‖"_s}, {u"lVert"_s, u"‖"_s},
        {u"rVert"_s, u"‖"_s}, {u"|"_s, u"‖"_s}, {u"dagger"_s, u"†"_s}, {u"checkmark"_s, u"✓"_s},
        {u"square"_s, u"□"_s}, {u"%"_s, u"%"_s}, {u"{"_s, u"{"_s}, {u"}"_s, u"}"_s}, {u"_"_s, u"_"_s},
        {u"&"_s, u"&"_s}, {u"#"_s, u"#"_s}, {u"$"_s, u"$"_s},
        // Spacing
        {u","_s, u" "_s}, {u";"_s, u" "_s}, {u":"_s, u" "_s}, {u" "_s, u" "_s}, {u"!"_s, QString()},
        {u"quad"_s, u" "_s}, {u"qquad"_s, u"  "_s}, {u"\\"_s, u" "_s},
        // Size and pairing hints: the delimiter that follows is kept.
        {u"left"_s, QString()}, {u"right"_s, QString()}, {u"middle"_s, QString()}, {u"big"_s, QString()},
        {u"Big"_s, QString()}, {u"bigg"_s, QString()}, {u"Bigg"_s, QString()}, {u"bigl"_s, QString()},
        {u"bigr"_s, QString()}, {u"Bigl"_s, QString()}, {u"Bigr"_s, QString()}, {u"displaystyle"_s, QString()},
        {u"textstyle"_s, QString()}, {u"limits"_s, QString()}, {u"nolimits"_s, QString()},
    };
    return table;
}

bool isNamedOperator(const QString &name)
{
    static const QStringList names = {u"log"_s, u"ln"_s, u"exp"_s, u"min"_s, u"max"_s, u"sup"_s, u"inf"_s,
                                      u"lim"_s, u"sin"_s, u"cos"_s, u"tan"_s, u"tanh"_s, u"det"_s, u"dim"_s,
                                      u"arg"_s, u"argmin"_s, u"argmax"_s, u"Pr"_s, u"deg"_s, u"ker"_s,
                                      u"liminf"_s, u"limsup"_s, u"gcd"_s, u"mod"_s, u"bmod"_s, u"sgn"_s,
                                      u"poly"_s, u"polylog"_s, u"softmax"_s, u"KL"_s};
    return names.contains(name);
}

bool isPlainWrapper(const QString &name)
{
    static const QStringList names = {u"mathrm"_s, u"mathbf"_s, u"mathit"_s, u"mathsf"_s, u"mathtt"_s,
                                      u"boldsymbol"_s, u"bm"_s, u"mathnormal"_s, u"operatorname"_s,
                                      u"text"_s, u"textrm"_s, u"textbf"_s, u"textit"_s, u"texttt"_s,
                                      u"textsf"_s, u"textsc"_s, u"emph"_s, u"mbox"_s, u"underline"_s,
                                      u"textnormal"_s, u"textup"_s, u"url"_s, u"mathscr"_s};
    return names.contains(name);
}

QChar combiningAccentFor(const QString &command)
{
    static const QHash<QString, char16_t> table = {
        {u"tilde"_s, 0x0303}, {u"widetilde"_s, 0x0303}, {u"hat"_s, 0x0302}, {u"widehat"_s, 0x0302},
        {u"bar"_s, 0x0304}, {u"overline"_s, 0x0305}, {u"vec"_s, 0x20D7}, {u"dot"_s, 0x0307},
        {u"ddot"_s, 0x0308}, {u"check"_s, 0x030C}, {u"breve"_s, 0x0306}, {u"acute"_s, 0x0301},
        {u"grave"_s, 0x0300},
    };
    const auto it = table.constFind(command);
    return it == table.cend() ? QChar() : QChar(*it);
}

QChar textAccentFor(QChar c)
{
    switch (c.unicode()) {
    case u'\'': return QChar(0x0301);
    case u'`': return QChar(0x0300);
    case u'^': return QChar(0x0302);
    case u'"': return QChar(0x0308);
    case u'~': return QChar(0x0303);
    case u'=': return QChar(0x0304);
    case u'.': return QChar(0x0307);
    case u'u': return QChar(0x0306);
    case u'v': return QChar(0x030C);
    case u'H': return QChar(0x030B);
    case u'c': return QChar(0x0327);
    case u'k': return QChar(0x0328);
    case u'r': return QChar(0x030A);
    default: return QChar();
    }
}

const QHash<QString, QString> &textLetters()
{
    static const QHash<QString, QString> table = {
        {u"ss"_s, u"ß"_s}, {u"o"_s, u"ø"_s}, {u"O"_s, u"Ø"_s}, {u"aa"_s, u"å"_s}, {u"AA"_s, u"Å"_s},
        {u"ae"_s, u"æ"_s}, {u"AE"_s, u"Æ"_s}, {u"oe"_s, u"œ"_s}, {u"OE"_s, u"Œ"_s}, {u"l"_s, u"ł"_s},
        {u"L"_s, u"Ł"_s}, {u"i"_s, u"ı"_s}, {u"j"_s, u"ȷ"_s}, {u"%"_s, u"%"_s}, {u"&"_s, u"&"_s},
        {u"#"_s, u"#"_s}, {u"_"_s, u"_"_s}, {u"{"_s, u"{"_s}, {u"}"_s, u"}"_s}, {u"$"_s, u"$"_s},
        {u"textendash"_s, u"–"_s}, {u"textemdash"_s, u"—"_s}, {u"ldots"_s, u"…"_s}, {u"dots"_s, u"…"_s},
        {u"LaTeX"_s, u"LaTeX"_s}, {u"TeX"_s, u"TeX"_s},
    };
    return table;
}

QString scriptLetter(QChar c, bool doubleStruck)
{
    const char16_t u = c.unicode();
    if (doubleStruck) {
        static const QHash<char16_t, char32_t> holes = {{u'C', 0x2102}, {u'H', 0x210D}, {u'N', 0x2115},
                                                        {u'P', 0x2119}, {u'Q', 0x211A}, {u'R', 0x211D},
                                                        {u'Z', 0x2124}};
        if (holes.contains(u))
            return fromUcs4(holes.value(u));
        if (u >= u'A' && u <= u'Z')
            return fromUcs4(0x1D538 + (u - u'A'));
        if (u >= u'a' && u <= u'z')
            return fromUcs4(0x1D552 + (u - u'a'));
        if (u >= u'0' && u <= u'9')
            return fromUcs4(0x1D7D8 + (u - u'0'));
        return QString(c);
    }
    static const QHash<char16_t, char32_t> holes = {{u'B', 0x212C}, {u'E', 0x2130}, {u'F', 0x2131},
                                                    {u'H', 0x210B}, {u'I', 0x2110}, {u'L', 0x2112},
                                                    {u'M', 0x2133}, {u'R', 0x211B}, {u'e', 0x212F},
                                                    {u'g', 0x210A}, {u'o', 0x2134}};
    if (holes.contains(u))
        return fromUcs4(holes.value(u));
    if (u >= u'A' && u <= u'Z')
        return fromUcs4(0x1D49C + (u - u'A'));
    if (u >= u'a' && u <= u'z')
        return fromUcs4(0x1D4B6 + (u - u'a'));
    return QString(c);
}

QString toScript(QStringView text, bool super)
{
    static const QHash<char16_t, char16_t> sup = {
        {u'0', u'⁰'}, {u'1', u'¹'}, {u'2', u'²'}, {u'3', u'³'}, {u'4', u'⁴'}, {u'5', u'⁵'}, {u'6', u'⁶'},
        {u'7', u'⁷'}, {u'8', u'⁸'}, {u'9', u'⁹'}, {u'+', u'⁺'}, {u'-', u'⁻'}, {u'−', u'⁻'}, {u'=', u'⁼'},
        {u'(', u'⁽'}, {u')', u'⁾'}, {u'a', u'ᵃ'}, {u'b', u'ᵇ'}, {u'c', u'ᶜ'}, {u'd', u'ᵈ'}, {u'e', u'ᵉ'},
        {u'f', u'ᶠ'}, {u'g', u'ᵍ'}, {u'h', u'ʰ'}, {u'i', u'ⁱ'}, {u'j', u'ʲ'}, {u'k', u'ᵏ'}, {u'l', u'ˡ'},
        {u'm', u'ᵐ'}, {u'n', u'ⁿ'}, {u'o', u'ᵒ'}, {u'p', u'ᵖ'}, {u'r', u'ʳ'}, {u's', u'ˢ'}, {u't', u'ᵗ'},
        {u'u', u'ᵘ'}, {u'v', u'ᵛ'}, {u'w', u'ʷ'}, {u'x', u'ˣ'}, {u'y', u'ʸ'}, {u'z', u'ᶻ'}, {u'A', u'ᴬ'},
        {u'B', u'ᴮ'}, {u'D', u'ᴰ'}, {u'E', u'ᴱ'}, {u'G', u'ᴳ'}, {u'H', u'ᴴ'}, {u'I', u'ᴵ'}, {u'J', u'ᴶ'},
        {u'K', u'ᴷ'}, {u'L', u'ᴸ'}, {u'M', u'ᴹ'}, {u'N', u'ᴺ'}, {u'O', u'ᴼ'}, {u'P', u'ᴾ'}, {u'R', u'ᴿ'},
        {u'T', u'ᵀ'}, {u'U', u'ᵁ'}, {u'V', u'ⱽ'}, {u'W', u'ᵂ'}, {u'α', u'ᵅ'}, {u'β', u'ᵝ'}, {u'γ', u'ᵞ'},
        {u'δ', u'ᵟ'}, {u'ε', u'ᵋ'}, {u'θ', u'ᶿ'}, {u'φ', u'ᵠ'}, {u'χ', u'ᵡ'}, {u'*', u'*'}, {u'′', u'′'},
        {u'⊤', u'ᵀ'}, {u'∗', u'*'}, {u' ', u' '}, {u'†', u'†'}, {u'∞', u'∞'},
    };
    static const QHash<char16_t, char16_t> sub = {
        {u'0', u'₀'}, {u'1', u'₁'}, {u'2', u'₂'}, {u'3', u'₃'}, {u'4', u'₄'}, {u'5', u'₅'}, {u'6', u'₆'},
        {u'7', u'₇'}, {u'8', u'₈'}, {u'9', u'₉'}, {u'+', u'₊'}, {u'-', u'₋'}, {u'−', u'₋'}, {u'=', u'₌'},
        {u'(', u'₍'}, {u')', u'₎'}, {u'a', u'ₐ'}, {u'e', u'ₑ'}, {u'h', u'ₕ'}, {u'i', u'ᵢ'}, {u'j', u'ⱼ'},
        {u'k', u'ₖ'}, {u'l', u'ₗ'}, {u'm', u'ₘ'}, {u'n', u'ₙ'}, {u'o', u'ₒ'}, {u'p', u'ₚ'}, {u'r', u'ᵣ'},
        {u's', u'ₛ'}, {u't', u'ₜ'}, {u'u', u'ᵤ'}, {u'v', u'ᵥ'}, {u'x', u'ₓ'}, {u'β', u'ᵦ'}, {u'γ', u'ᵧ'},
        {u'ρ', u'ᵨ'}, {u'φ', u'ᵩ'}, {u'χ', u'ᵪ'}, {u' ', u' '},
    };
    const auto &table = super ? sup : sub;
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const auto it = table.constFind(c.unicode());
        if (it == table.cend())
            return QString();
        out += QChar(*it);
    }
    return out;
}

} // namespace LatexSymbols
