// COCO RLE exactly as pycocotools encodes it: values worked out by hand, and golden
// strings produced by pycocotools' own C implementation.

#include "annotation/mask.h"

#include <QtTest>

#include <random>

using namespace samsp::annotation;

class TestAnnotation : public QObject
{
    Q_OBJECT
private slots:
    // Golden strings from pycocotools' own C code (cocoapi common/maskApi.c, rleEncode +
    // rleToString, commit 28dffd9, compiled outside this project and fed each mask in
    // Fortran order as pycocotools.mask.encode does), not from our encoder: empty and
    // full masks, a first or last pixel alone, runs past 32 and 2^15 (several
    // characters per count, negative deltas), and irregular shapes.
    void rleStringsMatchPycocotoolsGoldens()
    {
        struct Gold
        {
            int id, h, w;
            const char* counts;
        };
        const Gold golds[] = {
        {0, 3, 4, "<"},
        {1, 3, 4, "0<"},
        {2, 5, 5, "01h0"},
        {3, 5, 5, "h01"},
        {4, 6, 7, "1110010O0010O0010O0010O0010O0010O000"},
        {5, 1, 1000, "X1hl0X1"},
        {6, 300, 300, "jk5h8d000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "00000000000000000000000000000000000000000000000000000000000000000000000000Vk5"},
        {7, 40, 37, "014000000000000020N0000000000000Z10fN0000000000000M030000000000000O01000000000000020N00000"
             "00000000Z10fN0000000000000M030000000000000O01000000000000020N0000000000000Z10fN00000000000"
             "00M030000000000000O01000000000000020N0000000000000Z10fN0000000000000M030000000000000O01000"
             "000000000020N0000000000000Z10fN0000000000000M030000000000000O01000000000000020N00000000000"
             "00Z10fN0000000000000M030000000000000O01000000000000020N0000000000000Z10fN0000000000000M030"
             "000000000000O01000000000000020N0000000000000N"},
        {8, 50, 60, "b1U1=C=C=U1kNC=C=C=U1kNC=C=C=U1kNC=C=C=U1kNC=C=C=U1kNC=C=C=U1kNC=C=U1kNC=C=C=U1kNC=C=C=U1k"
             "NC=C=C=U1kNC=C=C=U1kNC=C=C=U1kNC=Co1h0fMC=C=U1kNC=C=C=U1kNC="},
        {9, 1000, 3, "Xo0Xo0Xo0"},
        {10, 29, 23, "05:0O010O01090GO010O010OK150O010O010J060O010O01090GO010O010OK150O010OO21I060O010O01090GO01"
             "0O"},
        };
        // The same masks, by the same formulas of (x, y).
        auto inside = [](int id, int x, int y, int h, int w) -> bool {
            switch (id) {
            case 0: return false;
            case 1: return true;
            case 2: return x == 0 && y == 0;
            case 3: return x == w - 1 && y == h - 1;
            case 4: return (x + y) % 2;
            case 5: return x >= 40 && x < 960;
            case 6: return x >= 20 && x < 280 && y >= 10 && y < 290;
            case 7: return (x * 7 + y * 13 + x * y) % 5 == 0;
            case 8: return y < (x * 37) % 50;
            case 9: return x == 1;
            case 10: return (x / 3 + y / 5) % 3 == 0 && !(x == 17 && y == 9);
            }
            return false;
        };
        for (const auto& g : golds) {
            std::vector<uint8_t> m(static_cast<size_t>(g.h) * g.w);
            for (int y = 0; y < g.h; ++y)
                for (int x = 0; x < g.w; ++x) m[static_cast<size_t>(y) * g.w + x] = inside(g.id, x, y, g.h, g.w) ? 1 : 0;
            const Rle r = rleEncode(m.data(), g.h, g.w);
            QVERIFY2(rleToString(r) == g.counts, qPrintable(QStringLiteral("mask %1: %2").arg(g.id).arg(QString::fromStdString(rleToString(r)))));
            // And back: the golden string decodes to the mask.
            QVERIFY2(rleDecode(rleFromString(g.counts, g.h, g.w)) == m, qPrintable(QStringLiteral("mask %1 decoded").arg(g.id)));
        }
    }

    void countsAreColumnMajorStartingWithZeros()
    {
        // 3 rows x 2 columns: [0 1; 1 1; 0 0] -> column-major 0,1,0, 1,1,0 -> runs 1,1,1,2,1
        const uint8_t m[] = {0, 1, 1, 1, 0, 0};
        Rle r = rleEncode(m, 3, 2);
        QCOMPARE(r.counts, (std::vector<uint32_t>{1, 1, 1, 2, 1}));
        QCOMPARE(rleArea(r), uint64_t(3));
        // Hand-worked string: 1,1,1 -> "111"; then 2-1=1 -> "1"; 1-1=0 -> "0".
        QCOMPARE(rleToString(r), std::string("11110"));
    }

    void stringEncodingUsesDeltasAndSignedFiveBitGroups()
    {
        // counts 3,5,2,1: the 4th is coded as 1-5 = -4 -> (-4 & 31) = 28, sign bit set, no continuation -> 'L'.
        Rle r{11, 1, {3, 5, 2, 1}};
        QCOMPARE(rleToString(r), std::string("352L"));
        // 100 = 4 + 3*32 -> groups 4 (with continuation: 36) and 3 -> 'T', '3'.
        Rle big{100, 1, {100}};
        QCOMPARE(rleToString(big), std::string("T3"));
        QCOMPARE(rleFromString("352L", 11, 1).counts, r.counts);
        QCOMPARE(rleFromString("T3", 100, 1).counts, big.counts);
    }

    void roundTripOnRandomMasks()
    {
        std::mt19937 rng(5);
        for (int t = 0; t < 50; ++t) {
            const int h = 1 + int(rng() % 40), w = 1 + int(rng() % 40);
            std::vector<uint8_t> m(size_t(h * w));
            for (auto& v : m) v = (rng() % 5) == 0;
            Rle r = rleEncode(m.data(), h, w);
            QCOMPARE(rleDecode(r), m);
            QCOMPARE(rleFromString(rleToString(r), h, w).counts, r.counts);
        }
    }

    void malformedStringsAreErrors()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, rleDecode(rleFromString("99", 2, 2)));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, rleFromString("\x01", 2, 2));
    }
};

QTEST_GUILESS_MAIN(TestAnnotation)
#include "test_annotation.moc"
