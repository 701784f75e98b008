#include "indexed_png.h"

#include "atomic_file.h"
#include "imaging/image.h"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

namespace samsp::formats {

Palette vocPalette()
{
    Palette p(256);
    for (int i = 0; i < 256; ++i) {
        int r = 0, g = 0, b = 0, c = i;
        for (int j = 0; j < 8; ++j) {
            r |= ((c >> 0) & 1) << (7 - j);
            g |= ((c >> 1) & 1) << (7 - j);
            b |= ((c >> 2) & 1) << (7 - j);
            c >>= 3;
        }
        p[static_cast<size_t>(i)] = {static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b)};
    }
    return p;
}

namespace {
struct PngError
{
    std::string what;
};

void onError(png_structp png, png_const_charp msg)
{
    auto* err = static_cast<PngError*>(png_get_error_ptr(png));
    err->what = msg ? msg : "libpng error";
    png_longjmp(png, 1);
}
void onWarning(png_structp, png_const_charp) {}

void appendBytes(png_structp png, png_bytep data, png_size_t n)
{
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), n);
}
void noFlush(png_structp) {}

struct Reader
{
    const std::string* bytes;
    size_t pos = 0;
};
void readBytes(png_structp png, png_bytep data, png_size_t n)
{
    auto* r = static_cast<Reader*>(png_get_io_ptr(png));
    if (r->pos + n > r->bytes->size()) png_error(png, "file is truncated");
    std::memcpy(data, r->bytes->data() + r->pos, n);
    r->pos += n;
}

// libpng reports errors by longjmp; nothing with a destructor may live between
// setjmp and the calls that can jump, so both codecs work on plain pointers.
bool encode(png_uint_32 width, png_uint_32 height, png_bytep* rows, png_colorp colours, int nColours,
            std::string* out, PngError* err)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, err, onError, onWarning);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, appendBytes, noFlush);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_set_PLTE(png, info, colours, nColours);
    png_write_info(png, info);
    png_write_image(png, rows);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

bool decode(const std::string& bytes, cv::Mat& idx, Palette& pal, PngError& err)
{
    if (bytes.size() < 8 || png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) != 0) {
        err.what = "not a PNG file";
        return false;
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &err, onError, onWarning);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    Reader reader{&bytes, 0};
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, &reader, readBytes);
    png_read_info(png, info);
    const int colourType = png_get_color_type(png, info);
    const int depth = png_get_bit_depth(png, info);
    if (colourType != PNG_COLOR_TYPE_PALETTE && !(colourType == PNG_COLOR_TYPE_GRAY && depth == 8))
        png_error(png, "not an indexed (palette) or 8-bit grey PNG");
    if (depth < 8) png_set_packing(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    const int w = static_cast<int>(png_get_image_width(png, info));
    const int h = static_cast<int>(png_get_image_height(png, info));
    idx.create(h, w, CV_8UC1);
    for (int pass = 0; pass < passes; ++pass)
        for (int y = 0; y < h; ++y) png_read_row(png, idx.ptr<uint8_t>(y), nullptr);
    png_read_end(png, nullptr);
    png_colorp colours = nullptr;
    int n = 0;
    if (colourType == PNG_COLOR_TYPE_PALETTE && png_get_PLTE(png, info, &colours, &n)) {
        pal.resize(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) pal[static_cast<size_t>(i)] = {colours[i].red, colours[i].green, colours[i].blue};
    }
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}
} // namespace

void writeIndexedPng(const std::filesystem::path& p, const cv::Mat& indices, const Palette& palette)
{
    if (indices.type() != CV_8UC1) throw WriteError(p, "an indexed PNG needs 8-bit indices");
    double maxV = 0;
    cv::minMaxLoc(indices, nullptr, &maxV);
    Palette pal = palette;
    if (pal.size() < static_cast<size_t>(maxV) + 1) pal.resize(static_cast<size_t>(maxV) + 1, {0, 0, 0});
    if (pal.size() > 256) pal.resize(256);
    std::string bytes;
    PngError err;
    std::vector<png_color> colours(pal.size());
    for (size_t i = 0; i < pal.size(); ++i) colours[i] = {pal[i][0], pal[i][1], pal[i][2]};
    std::vector<png_bytep> rows(static_cast<size_t>(indices.rows));
    for (int y = 0; y < indices.rows; ++y) rows[static_cast<size_t>(y)] = const_cast<png_bytep>(indices.ptr<uint8_t>(y));
    if (!encode(static_cast<png_uint_32>(indices.cols), static_cast<png_uint_32>(indices.rows), rows.data(),
                colours.data(), static_cast<int>(colours.size()), &bytes, &err))
        throw WriteError(p, "PNG encoding failed: " + err.what, FileProblem::Encoding, err.what);
    writeFileAtomically(p, bytes);
}

IndexedImage readIndexedPng(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    if (!in) throw imaging::ImageError(p, "cannot be opened");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    IndexedImage out;
    PngError err;
    if (!decode(bytes, out.indices, out.palette, err)) throw imaging::ImageError(p, err.what);
    return out;
}

} // namespace samsp::formats
