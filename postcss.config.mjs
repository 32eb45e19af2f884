// Tailwind CSS v4 through PostCSS (Turbopack runs it on app/globals.css).
const config = { plugins: { "@tailwindcss/postcss": {} } };

export default config;
