//! PNG encoding of rendered pixels, for chart exports.

/// `rgba` (row-major, 4 bytes a pixel, `width` × `height`) as a PNG file.
pub fn encode_rgba(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    let expected = width as usize * height as usize * 4;
    if rgba.len() != expected {
        return Err(format!(
            "image of {width}×{height} pixels needs {expected} bytes, got {}",
            rgba.len()
        ));
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(rgba).map_err(|e| e.to_string())?;
        writer.finish().map_err(|e| e.to_string())?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_pixel_image_decodes_back() {
        let pixels = [255, 0, 0, 255, 0, 0, 255, 128];
        let bytes = encode_rgba(2, 1, &pixels).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut out = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut out).unwrap();
        assert_eq!((info.width, info.height), (2, 1));
        assert_eq!(&out[..8], &pixels);
    }

    #[test]
    fn a_wrong_buffer_size_is_an_error() {
        assert!(encode_rgba(2, 2, &[0; 4]).is_err());
    }
}
